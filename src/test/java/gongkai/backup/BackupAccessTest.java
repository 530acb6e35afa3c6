package gongkai.backup;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import gongkai.account.Accounts;
import gongkai.account.NewUser;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.PlatformTest;

import static gongkai.support.Acting.as;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The whole platform's archive goes to the city office's ADMIN only: a county's ADMIN or an editor gets none. */
@PlatformTest
class BackupAccessTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;

    @Test
    void onlyTheCityOfficesAdminMayTakeABackup() throws Exception {
        as(Acting.cityAdmin(), () -> {
            accounts.create(new NewUser("backup-county-admin", Acting.PASSWORD, "县管理员（备份测试）", "fcszf",
                    EnumSet.of(Role.ADMIN)));
            accounts.create(new NewUser("backup-city-editor", Acting.PASSWORD, "市信息员（备份测试）", "ycszfb",
                    EnumSet.of(Role.EDITOR)));
        });
        mvc.perform(post("/api/v1/admin/backup").with(httpBasic("backup-county-admin", Acting.PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("只有市政府办公室的管理员可以备份整个平台")));
        mvc.perform(post("/api/v1/admin/backup").with(httpBasic("backup-city-editor", Acting.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/admin/backup")).andExpect(status().isUnauthorized());
    }
}
