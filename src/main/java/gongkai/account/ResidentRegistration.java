package gongkai.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a resident enters to register for their village or community. */
public record ResidentRegistration(
        @NotBlank(message = "用户名不能为空")
        @Pattern(regexp = "[A-Za-z0-9_.-]{3,50}", message = "用户名应为3至50位字母、数字、下划线、点或连字符")
        String username,
        @NotBlank(message = "密码不能为空") @Size(min = 12, max = 128, message = "密码长度应为12至128位") String password,
        @NotBlank(message = "姓名不能为空") @Size(max = 100, message = "姓名不能超过100个字") String displayName,
        @NotBlank(message = "请填写联系电话") String phone,
        @NotBlank(message = "请选择所在村（社区）或乡镇（街道）") String region) {
}
