package gongkai.org;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A public institution or social organisation an admin of the city office registers (the body of
 * {@code POST /api/v1/orgs}, also filled by the back-office form).
 *
 * @param code      our short stable code, used in paths and as the prefix of its index numbers until a credit code
 *                  is recorded: lower-case letters and digits
 * @param kind      {@code PUBLIC_INSTITUTION} or {@code SOCIAL_ORGANISATION}
 * @param sector    a sector code (school, hospital, water, power, gas, transport, charity)
 * @param region    the code of the region it serves
 * @param regulator the code of the government body that supervises its disclosure
 */
public record NewInstitution(
        @NotBlank(message = "请填写机构代码") @Size(max = 40, message = "机构代码不能超过40个字符") String code,
        @NotBlank(message = "名称不能为空") @Size(max = 200, message = "名称不能超过200个字") String name,
        @NotBlank(message = "请选择机构类别") String kind,
        @NotBlank(message = "请选择所属行业") String sector,
        @NotBlank(message = "请选择所属区划") String region,
        @NotBlank(message = "请选择主管部门") String regulator) {
}
