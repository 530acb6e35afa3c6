package gongkai.environment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A comment as the public sends it: the text is required, name and contact are optional and never shown. */
public record NewEiaComment(
        @Size(max = 50, message = "姓名不能超过50个字") String name,
        @Size(max = 100, message = "联系方式不能超过100个字") String contact,
        @NotBlank(message = "请填写意见内容") @Size(max = 2000, message = "意见内容不能超过2000个字") String text) {
}
