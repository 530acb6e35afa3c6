package gongkai.account;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import gongkai.shared.Role;

/** The body of {@code POST /api/v1/users}, also filled by the back-office form. */
public record NewUser(
        @NotBlank(message = "用户名不能为空")
        @Pattern(regexp = "[A-Za-z0-9_.-]{3,50}", message = "用户名应为3至50位字母、数字、下划线、点或连字符")
        String username,
        @NotBlank(message = "密码不能为空")
        @Size(min = 12, max = 128, message = "密码长度应为12至128位")
        String password,
        @NotBlank(message = "姓名不能为空")
        @Size(max = 100, message = "姓名不能超过100个字")
        String displayName,
        @NotBlank(message = "请填写所属机构代码")
        String org,
        @NotEmpty(message = "至少要选择一个角色")
        Set<Role> roles) {
}
