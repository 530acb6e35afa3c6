package gongkai.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import gongkai.account.Accounts;
import gongkai.calendar.WorkingDayCalendar;
import gongkai.region.Regions;
import gongkai.shared.Role;
import gongkai.support.BackOfficeSignIn;
import gongkai.support.PlatformTest;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every back-office page renders for the people who use it, and its forms change what they say. */
@PlatformTest
class BackOfficePagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    BackOfficeSignIn signIn;
    @Autowired
    Accounts accounts;
    @Autowired
    WorkingDayCalendar calendar;
    @Autowired
    Regions regions;

    @Test
    void everyPageRendersForTheCityAdmin() throws Exception {
        for (String page : new String[] {"/admin", "/admin/users", "/admin/orgs", "/admin/orgs/ycsmzj", "/admin/catalog",
                "/admin/catalog/pa-project", "/admin/regions", "/admin/regions?parent=360902",
                "/admin/regions?parent=360902001", "/admin/calendar", "/admin/calendar?year=2027", "/admin/audit",
                "/admin/tokens", "/admin/password", "/admin/records", "/admin/records/new",
                "/admin/records/new?item=pa-project", "/admin/residents", "/admin/forbidden-words", "/admin/search",
                "/admin/privacy", "/admin/ledger"}) {
            mvc.perform(get(page).with(signIn.as("admin"))).andExpect(status().isOk())
                    .andExpect(content().string(containsString("后台管理")));
        }
        mvc.perform(get("/admin/calendar?year=2027").with(signIn.as("admin")))
                .andExpect(content().string(containsString("本年度的节假日安排尚未录入")));
    }

    @Test
    void anEditorSeesOnlyTheirOrganisationAndNoAuditTrail() throws Exception {
        RequestPostProcessor editor = signIn.asNew("ycsjyj", Role.EDITOR);
        mvc.perform(get("/admin/orgs").with(editor)).andExpect(status().isOk())
                .andExpect(content().string(containsString("宜春市教育局")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("宜春市民政局"))));
        mvc.perform(get("/admin/audit").with(editor)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/catalog/pa-policy").with(editor).with(csrf()).param("name", "改名")
                        .param("audience", "PUBLIC").param("schedule", "event:20").param("subjectClass", "其他"))
                .andExpect(status().isForbidden());
    }

    @Test
    void formsCreateUsersAndSetCalendarDays() throws Exception {
        mvc.perform(post("/admin/users").with(signIn.as("admin")).with(csrf()).param("username", "form-user")
                        .param("password", "Strong-Passw0rd-42").param("displayName", "表单用户").param("org", "ycsjyj")
                        .param("roles", "EDITOR", "REVIEWER"))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts.find("form-user")).hasValueSatisfying(u -> assertThat(u.roles())
                .containsExactlyInAnyOrder(Role.EDITOR, Role.REVIEWER));
        mvc.perform(post("/admin/users").with(signIn.as("admin")).with(csrf()).param("username", "form-user2")
                        .param("password", "short").param("displayName", "表单用户").param("org", "ycsjyj")
                        .param("roles", "EDITOR"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("密码长度应为12至128位")));
        assertThat(accounts.find("form-user2")).isEmpty();

        LocalDate day = LocalDate.of(2026, 12, 31);
        assertThat(calendar.isWorkingDay(day)).isTrue();
        mvc.perform(post("/admin/calendar").with(signIn.as("admin")).with(csrf()).param("day", day.toString())
                        .param("kind", "OFF").param("holiday", "测试假日"))
                .andExpect(status().is3xxRedirection());
        assertThat(calendar.isWorkingDay(day)).isFalse();
        mvc.perform(post("/admin/calendar/clear").with(signIn.as("admin")).with(csrf()).param("day", day.toString()))
                .andExpect(status().is3xxRedirection());
        assertThat(calendar.isWorkingDay(day)).isTrue();
    }

    @Test
    void villagesAreAddedUnderTownships() throws Exception {
        mvc.perform(post("/admin/regions/360902001/villages").with(signIn.as("admin")).with(csrf())
                        .param("code", "360902001201").param("name", "示例社区"))
                .andExpect(status().is3xxRedirection());
        assertThat(regions.get("360902001201").parentCode()).isEqualTo("360902001");
        mvc.perform(post("/admin/regions/360902001/villages").with(signIn.as("admin")).with(csrf())
                        .param("code", "123").param("name", "坏代码"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("12位数字")));
        mvc.perform(post("/admin/regions/360902/villages").with(signIn.as("admin")).with(csrf())
                        .param("code", "360902000001").param("name", "县下直接加村"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("只能加在乡镇")));
    }
}
