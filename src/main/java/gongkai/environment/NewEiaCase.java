package gongkai.environment;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What the environment office enters to open an EIA case (the back office's form).
 *
 * @param regionCode   the county (or district, township) where the project is built; shown by its name
 * @param location     建设地点 within that region (road, village, industrial park)
 * @param approverOrg  审批部门: the code of an organisation (the environment bureau or a county government)
 * @param documentType {@code REPORT} 报告书 or {@code FORM} 报告表
 */
public record NewEiaCase(
        @NotBlank(message = "请填写项目名称") @Size(max = 200, message = "项目名称不能超过200个字") String projectName,
        @NotBlank(message = "请填写建设单位") @Size(max = 200, message = "建设单位不能超过200个字") String developer,
        @NotBlank(message = "请选择建设地点所在区划") String regionCode,
        @NotBlank(message = "请填写建设地点") @Size(max = 300, message = "建设地点不能超过300个字") String location,
        @NotBlank(message = "请填写环评机构") @Size(max = 200, message = "环评机构不能超过200个字") String eiaAgency,
        @NotBlank(message = "请选择审批部门") String approverOrg,
        @NotBlank(message = "请选择环评文件类型") String documentType,
        @NotNull(message = "请填写受理日期") LocalDate receivedOn) {
}
