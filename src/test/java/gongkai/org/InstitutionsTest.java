package gongkai.org;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import gongkai.account.AuditTrail;
import gongkai.catalog.Catalog;
import gongkai.catalog.CatalogItem;
import gongkai.publishing.Drafting;
import gongkai.publishing.RecordInput;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.BackOfficeSignIn;
import gongkai.support.PlatformTest;
import gongkai.support.Staff;
import gongkai.support.ThreeStepReview;

import static gongkai.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Public institutions and social organisations (issue 13): registered under a government regulator, they answer for
 * their sector's catalogue section and nothing else, publish through the same three-step review by their own staff,
 * and their disclosures are collected on the regulator's page (归集展示).
 */
@PlatformTest
class InstitutionsTest {

    @RegisterExtension
    static final ThreeStepReview review = new ThreeStepReview();

    @Autowired
    Organisations organisations;
    @Autowired
    Catalog catalog;
    @Autowired
    Drafting drafting;
    @Autowired
    AuditTrail audit;
    @Autowired
    MockMvc mvc;
    @Autowired
    BackOfficeSignIn signIn;

    private static String freshCode() {
        return "t" + Long.toString(System.nanoTime(), 36);
    }

    private Organisation register(String name, String kind, String sector, String regulator) {
        return as(Acting.cityAdmin(), () -> organisations.register(
                new NewInstitution(freshCode(), name, kind, sector, "360900", regulator)));
    }

    private List<String> itemCodes(Organisation org) {
        return catalog.itemsOwnedBy(org).stream().map(CatalogItem::code).toList();
    }

    @Test
    void aSchoolAnswersForTheSchoolItemsAndAGovernmentBodyForNone() {
        Organisation school = register("测试第二中学", "PUBLIC_INSTITUTION", "school", "ycsjyj");
        assertThat(school.kind()).isEqualTo(OrganisationKind.PUBLIC_INSTITUTION);
        assertThat(school.regulator()).isEqualTo("ycsjyj");
        assertThat(itemCodes(school)).containsExactlyInAnyOrder("pi-ed-admissions", "pi-ed-fees", "pi-ed-finance");

        Organisation bureau = organisations.get("ycsjyj");
        assertThat(itemCodes(bureau)).contains("ed-policy").noneMatch(c -> c.startsWith("pi-"));
        Organisation county = organisations.get("yzqzf");
        assertThat(itemCodes(county)).contains("ed-dropout").noneMatch(c -> c.startsWith("pi-"));

        Organisation water = register("测试供水公司", "PUBLIC_INSTITUTION", "water", "ycsscj");
        assertThat(itemCodes(water)).containsExactlyInAnyOrder("pi-ut-standards", "pi-ut-outages", "pi-ut-quality");
        Organisation buses = register("测试公交公司", "PUBLIC_INSTITUTION", "transport", "ycsscj");
        assertThat(itemCodes(buses)).containsExactly("pi-ut-standards");
        Organisation charity = register("测试慈善基金会", "SOCIAL_ORGANISATION", "charity", "ycsmzj");
        assertThat(charity.kind()).isEqualTo(OrganisationKind.SOCIAL_ORGANISATION);
        assertThat(itemCodes(charity)).allMatch(c -> c.startsWith("pi-ch-")).contains("pi-ch-fundraising");
        assertThat(catalog.requireItem("pi-ch-fundraising").schedule().code()).isEqualTo("quarterly:20");
    }

    @Test
    void anInstitutionPublishesThroughItsOwnReviewAndItsRegulatorCollectsIt() throws Exception {
        Organisation hospital = register("测试中心医院", "PUBLIC_INSTITUTION", "hospital", "ycswjw");
        Staff staff = Staff.of(hospital.code());
        String indexNo = review.publish(staff, input("pi-hs-prices", hospital.code(), "测试中心医院门诊收费标准公示"));
        assertThat(indexNo).startsWith(hospital.indexPrefix() + "/");

        // The regulator's page collects it, with a link to the hospital's page.
        mvc.perform(get("/orgs/ycswjw")).andExpect(status().isOk())
                .andExpect(content().string(containsString("所监管单位信息公开")))
                .andExpect(content().string(containsString("href=\"/orgs/" + hospital.code() + "\"")))
                .andExpect(content().string(containsString("测试中心医院门诊收费标准公示")));
        // The hospital's page names its regulator with a working link, and offers no request form of the 条例.
        mvc.perform(get("/orgs/" + hospital.code())).andExpect(status().isOk())
                .andExpect(content().string(containsString("主管部门")))
                .andExpect(content().string(containsString("id=\"regulator-link\" href=\"/orgs/ycswjw\"")))
                .andExpect(content().string(containsString("医疗服务价格和收费标准")))
                .andExpect(content().string(not(containsString("/requests/new?org=" + hospital.code()))));
        // Another regulator's page does not show it.
        mvc.perform(get("/orgs/ycsjyj")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("测试中心医院门诊收费标准公示"))));
        mvc.perform(get("/orgs")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<h2>公共企事业单位</h2>")));
        mvc.perform(get("/api/v1/orgs/" + hospital.code())).andExpect(status().isOk())
                .andExpect(jsonPath("$.regulator").value("ycswjw"))
                .andExpect(jsonPath("$.sector").value("hospital"))
                .andExpect(jsonPath("$.kind").value("PUBLIC_INSTITUTION"));
    }

    @Test
    void institutionsAndGovernmentBodiesCannotDraftEachOthersItems() {
        Organisation school = register("测试第三中学", "PUBLIC_INSTITUTION", "school", "ycsjyj");
        assertThatThrownBy(() -> as(Acting.actor(school.code(), Role.EDITOR),
                () -> drafting.create(input("ed-policy", school.code(), "学校冒发教育政策"))))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputProblem.FieldError::field).contains("catalogItem"));
        assertThatThrownBy(() -> as(Acting.actor("ycsjyj", Role.EDITOR),
                () -> drafting.create(input("pi-ed-fees", "ycsjyj", "教育局代发学校收费"))))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputProblem.FieldError::field).contains("catalogItem"));
    }

    @Test
    void badRegistrationsAreRefusedFieldByFieldAndStoreNothing() {
        Organisation school = register("测试第四中学", "PUBLIC_INSTITUTION", "school", "ycsjyj");
        long before = organisations.count();
        assertThatThrownBy(() -> as(Acting.cityAdmin(), () -> organisations.register(
                new NewInstitution("tbad1", " ", "PUBLIC_INSTITUTION", "school", "360900", "no-such-body"))))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputProblem.FieldError::field)
                        .containsExactlyInAnyOrder("name", "regulator"));
        assertThatThrownBy(() -> as(Acting.cityAdmin(), () -> organisations.register(
                new NewInstitution("tbad2", "测试附属小学", "PUBLIC_INSTITUTION", "school", "360900", school.code()))))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.errors())
                        .containsExactly(new InvalidInputProblem.FieldError("regulator",
                                "测试第四中学不是政府部门，不能作为主管部门。")));
        assertThatThrownBy(() -> as(Acting.cityAdmin(), () -> organisations.register(
                new NewInstitution("tbad3", "测试慈善学校", "PUBLIC_INSTITUTION", "charity", "999999", "ycsjyj"))))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputProblem.FieldError::field).containsExactlyInAnyOrder("sector", "region"));
        assertThatThrownBy(() -> as(Acting.actor("ycsjyj", Role.ADMIN), () -> organisations.register(
                new NewInstitution("tbad4", "测试越权学校", "PUBLIC_INSTITUTION", "school", "360900", "ycsjyj"))))
                .isInstanceOf(AccessDeniedProblem.class);
        assertThat(organisations.count()).isEqualTo(before);
        assertThat(organisations.find("tbad1")).isEmpty();
    }

    @Test
    void theCityAdminRegistersAnInstitutionInTheBackOfficeAndItIsAudited() throws Exception {
        mvc.perform(post("/admin/orgs/new").with(signIn.as("admin")).with(csrf()).param("code", "tbadform")
                        .param("name", "").param("kind", "PUBLIC_INSTITUTION").param("sector", "school")
                        .param("region", "360900").param("regulator", "ycsjyj"))
                .andExpect(content().string(containsString("名称不能为空")));
        mvc.perform(post("/admin/orgs/new").with(signIn.as("admin")).with(csrf()).param("code", "tbadform")
                        .param("name", "测试学校").param("kind", "PUBLIC_INSTITUTION").param("sector", "school")
                        .param("region", "360900").param("regulator", "nobody"))
                .andExpect(content().string(containsString("主管部门“nobody”不存在")));
        assertThat(organisations.find("tbadform")).isEmpty();

        String code = freshCode();
        mvc.perform(post("/admin/orgs/new").with(signIn.as("admin")).with(csrf()).param("code", code)
                        .param("name", "测试自来水公司").param("kind", "PUBLIC_INSTITUTION").param("sector", "water")
                        .param("region", "360900").param("regulator", "ycsscj"))
                .andExpect(redirectedUrl("/admin/orgs/" + code));
        assertThat(organisations.regulatedBy("ycsscj")).extracting(Organisation::code).contains(code);
        var entries = as(Acting.cityAdmin(), () -> audit
                .search(new AuditTrail.Query(null, "organisation", code, null, null), 0).getContent());
        assertThat(entries).anyMatch(e -> e.action().equals("org.register") && e.detail().contains("测试自来水公司"));

        mvc.perform(get("/admin/orgs/new").with(signIn.asNew("ycsjyj", Role.ADMIN)))
                .andExpect(status().isForbidden());
    }

    private static RecordInput input(String item, String org, String title) {
        return new RecordInput(item, org, "360900", title, "测试概述。", null, LocalDate.of(2026, 10, 1),
                "<p>测试正文。</p>", List.of("测试"), null, null, null, null, null, null, null);
    }
}
