package gongkai.org;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import gongkai.account.Accounts;
import gongkai.account.AuditTrail;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An organisation's contacts are kept by its own admin; names keep their history. */
@PlatformTest
class OrganisationAmendmentTest {

    @Autowired
    Organisations organisations;
    @Autowired
    Accounts accounts;
    @Autowired
    AuditTrail audit;
    @Autowired
    MockMvc mvc;
    @Autowired
    gongkai.account.internal.AccountUserDetailsService principals;

    private static OrganisationDetails leader(String name) {
        return new OrganisationDetails(name, "副局长", "王联络", "0795-3201234", "liaison@example.org", "", "", "", "",
                "", "", "", "");
    }

    private static OrganisationDetails office(String name, String fax, String postcode, String email) {
        return new OrganisationDetails("", "", "", "", "", name, "宜春市示例路1号", "工作日8:30—17:30", "0795-3201234",
                fax, postcode, email, "");
    }

    @Test
    void anAdminAmendsTheirOwnOrganisationAndItIsAudited() {
        Organisation org = Acting.as(Acting.actor("ycsjyj", Role.ADMIN), () -> organisations.amend("ycsjyj", leader("赵示例")));
        assertThat(org.leader()).isEqualTo(new Organisation.Leader("赵示例", "副局长"));
        assertThat(org.contactsDemo()).isFalse();
        var entries = Acting.as(Acting.cityAdmin(), () -> audit
                .search(new AuditTrail.Query(null, "organisation", "ycsjyj", null, null), 0).getContent());
        assertThat(entries).anyMatch(e -> e.action().equals("org.amend") && e.detail().contains("分管领导：") 
                && e.detail().contains("赵示例"));
    }

    @Test
    void nobodyActsForAnotherOrganisation() {
        String before = organisations.get("ycshbj").leader().name();
        assertThatThrownBy(() -> Acting.as(Acting.actor("ycsmzj", Role.ADMIN),
                () -> organisations.amend("ycshbj", leader("越权者")))).isInstanceOf(AccessDeniedProblem.class);
        assertThatThrownBy(() -> Acting.as(Acting.actor("ycshbj", Role.EDITOR),
                () -> organisations.amend("ycshbj", leader("越权者")))).isInstanceOf(AccessDeniedProblem.class);
        assertThat(organisations.get("ycshbj").leader().name()).isEqualTo(before);
        // The city office's admin acts for all.
        Acting.as(Acting.cityAdmin(), () -> organisations.amend("tgxzf", leader("钱示例")));
        assertThat(organisations.get("tgxzf").leader().name()).isEqualTo("钱示例");
    }

    @Test
    void anEditorOfOneOrganisationIsRefusedThroughTheBackOffice() throws Exception {
        String editor = Acting.newUser(accounts, "ycsmzj", Role.EDITOR, Role.ADMIN);
        var principal = principals.loadUserByUsername(editor);
        mvc.perform(post("/admin/orgs/ycshbj").with(user(principal)).with(csrf())
                        .param("leaderName", "越权者").param("leaderPost", "局长"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("您只能修改本单位的信息")));
        assertThat(organisations.get("ycshbj").leader().name()).isNotEqualTo("越权者");
    }

    @Test
    void badContactsAreRefusedWithTheFieldNamed() {
        var bad = new OrganisationDetails("孙示例", "", "", "123", "not-an-email", "", "", "", "", "", "", "",
                "91360900ABCDEFGHIJ");
        assertThatThrownBy(() -> Acting.as(Acting.cityAdmin(), () -> organisations.amend("fxxzf", bad)))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputProblem.FieldError::field)
                        .containsExactlyInAnyOrder("liaisonPhone", "liaisonEmail", "creditCode", "leaderPost"));
        assertThat(organisations.get("fxxzf").leader().name()).isNotEqualTo("孙示例");
    }

    @Test
    void theHandlingOfficeIsKeptWithItsContactsAndAudited() {
        Organisation org = Acting.as(Acting.actor("ycsyjj", Role.ADMIN),
                () -> organisations.amend("ycsyjj", office("宜春市应急管理局办公室", "0795-3201235", "336000",
                        "xxgk@example.org")));
        assertThat(org.office()).isEqualTo(new Organisation.Office("宜春市应急管理局办公室", "宜春市示例路1号",
                "工作日8:30—17:30", "0795-3201234", "0795-3201235", "336000", "xxgk@example.org"));
        assertThat(org.office().missing()).isEmpty();
        var entries = Acting.as(Acting.cityAdmin(), () -> audit
                .search(new AuditTrail.Query(null, "organisation", "ycsyjj", null, null), 0).getContent());
        assertThat(entries).anyMatch(e -> e.action().equals("org.amend") && e.detail().contains("受理机构：（空） → 宜春市应急管理局办公室")
                && e.detail().contains("邮政编码：（空） → 336000"));
    }

    @Test
    void aBadFaxPostcodeOrOfficeEmailIsRefusedInChinese() {
        var bad = office("宜春市应急管理局办公室", "传真", "33600", "xxgk@");
        assertThatThrownBy(() -> Acting.as(Acting.cityAdmin(), () -> organisations.amend("wzxzf", bad)))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputProblem.FieldError::message)
                        .containsExactly("传真号码格式不正确，请填写带区号的号码，如0795-3201234。", "邮政编码应为6位数字。",
                                "受理机构电子邮箱格式不正确。"));
        assertThat(organisations.get("wzxzf").office().name()).isEmpty();
    }

    @Test
    void theBackOfficeFormNamesABadPostcodeAndKeepsWhatWasTyped() throws Exception {
        String admin = Acting.newUser(accounts, "yfxzf", Role.ADMIN);
        mvc.perform(post("/admin/orgs/yfxzf").with(user(principals.loadUserByUsername(admin))).with(csrf())
                        .param("handlingOffice", "宜丰县人民政府办公室").param("postcode", "12345a"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("邮政编码应为6位数字。")))
                .andExpect(content().string(containsString("value=\"宜丰县人民政府办公室\"")));
        assertThat(organisations.get("yfxzf").office().name()).isEmpty();
    }

    @Test
    void aValidCreditCodeBecomesTheIndexPrefix() {
        // 91350100M000100Y43 is a structurally valid code (GB 32100 check character).
        var details = new OrganisationDetails("", "", "", "", "", "", "", "", "", "", "", "", "91350100M000100Y43");
        Organisation org = Acting.as(Acting.cityAdmin(), () -> organisations.amend("wzxzf", details));
        assertThat(org.indexPrefix()).isEqualTo("91350100M000100Y43");
        assertThat(organisations.get("sgxzf").indexPrefix()).isEqualTo("sgxzf");
    }

    @Test
    void renamesKeepTheOldNameForOldDates() {
        assertThat(organisations.nameOn("ycshbj", LocalDate.of(2018, 6, 1))).isEqualTo("宜春市环境保护局");
        assertThat(organisations.nameOn("ycshbj", LocalDate.of(2026, 11, 27))).isEqualTo("宜春市生态环境局");
        assertThat(organisations.get("ycshbj").name()).isEqualTo("宜春市生态环境局");

        // This test renames the sports bureau; no other test reads its name.
        Acting.as(Acting.cityAdmin(), () -> organisations.rename("ycstyj", "宜春市体育局（更名示例）",
                LocalDate.of(2021, 5, 1), "测试"));
        assertThat(organisations.nameOn("ycstyj", LocalDate.of(2020, 1, 1))).isEqualTo("宜春市体育局");
        assertThat(organisations.nameOn("ycstyj", LocalDate.of(2022, 1, 1))).isEqualTo("宜春市体育局（更名示例）");
        assertThat(organisations.get("ycstyj").name()).isEqualTo("宜春市体育局（更名示例）");
        assertThatThrownBy(() -> Acting.as(Acting.cityAdmin(), () -> organisations.rename("ycstyj", "又一个名称",
                LocalDate.of(2020, 1, 1), null))).isInstanceOf(InvalidInputProblem.class);
        assertThatThrownBy(() -> Acting.as(Acting.actor("ycstyj", Role.ADMIN), () -> organisations.rename("ycstyj",
                "自改名称", LocalDate.of(2026, 1, 1), null))).isInstanceOf(AccessDeniedProblem.class);
    }

    @Test
    void publicApiShowsTheLeaderAndTheNameHistory() throws Exception {
        mvc.perform(get("/api/v1/orgs/ycswjw")).andExpect(status().isOk())
                .andExpect(content().string(containsString("宜春市卫生和计划生育委员会")))
                .andExpect(content().string(containsString("宜春市卫生健康委员会")));
    }
}
