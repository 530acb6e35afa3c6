package gongkai.reporting;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import gongkai.account.AuditTrail;
import gongkai.catalog.Catalog;
import gongkai.catalog.CatalogItem;
import gongkai.org.NewInstitution;
import gongkai.org.Organisation;
import gongkai.org.OrganisationDetails;
import gongkai.org.Organisations;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.BackOfficeSignIn;
import gongkai.support.MovableClock;
import gongkai.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 政府信息公开指南 (条例 第十二条): generated from the body's data, edited by its own admin as numbered versions, with the
 * handling office's contacts always as the organisation has them now.
 */
@PlatformTest
@Import(MovableClock.Config.class)
class GuideTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    BackOfficeSignIn signIn;
    @Autowired
    Organisations organisations;
    @Autowired
    Catalog catalog;
    @Autowired
    Guides guides;
    @Autowired
    AuditTrail audit;
    @Autowired
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aGeneratedGuideSaysWhatTheBodyPublishesHowToAskWhereAndHowToAppeal() throws Exception {
        Organisation org = organisations.get("ycswgx");
        String html = mvc.perform(get("/orgs/ycswgx/guide")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        // How information is arranged: the fields and items the body owns, from the catalogue.
        assertThat(html).contains("<h1><span>" + org.name() + "政府信息公开指南</span>", "公共文化体育：");
        for (CatalogItem item : catalog.itemsOwnedBy(org)) {
            assertThat(html).contains(item.name());
        }
        // The procedure as a flow chart with the statutory periods, and the fees of 109号.
        assertThat(html).contains("<ol class=\"flow\" role=\"list\"", "提出申请", "登记", "答复", "送达",
                "自收到申请之日起20个工作日内作出答复", "最长延长20个工作日", "国办函〔2020〕109号",
                "同一申请人一个自然月内累计申请10件以下（含10件）的不收费", "30页以下（含30页）的不收费");
        // Nothing entered yet for the handling office: the page says so, field by field.
        assertThat(html.split("尚未填写", -1).length - 1).isEqualTo(7);
        // Remedies under art. 51: a city department's reconsideration goes to the city government; the court is
        // the one with jurisdiction.
        assertThat(html).contains("政府信息公开工作主管部门（宜春市人民政府办公室）", "向宜春市人民政府申请行政复议", "依法向有管辖权的人民法院提起行政诉讼",
                "最近更新：", "（根据机构信息自动生成）");

        mvc.perform(get("/api/v1/orgs/ycswgx/guide")).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.generated").value(true))
                .andExpect(jsonPath("$.updatedOn").value(organisations.updatedOn("ycswgx").toString()))
                .andExpect(jsonPath("$.sections.length()").value(3))
                .andExpect(jsonPath("$.sections[0].key").value("classification"))
                .andExpect(jsonPath("$.procedure.answerWorkingDays").value(20))
                .andExpect(jsonPath("$.procedure.extensionWorkingDays").value(20))
                .andExpect(jsonPath("$.procedure.steps.length()").value(4))
                .andExpect(jsonPath("$.contacts.fax").value(nullValue()))
                .andExpect(jsonPath("$.contacts.missing").value(hasItem("邮政编码")))
                .andExpect(jsonPath("$.remedies[1].kind").value("RECONSIDERATION"))
                .andExpect(jsonPath("$.remedies[1].body").value("宜春市人民政府"))
                .andExpect(jsonPath("$.remedies[2].body").value(nullValue()));
    }

    @Test
    void aCountyGovernmentsReconsiderationGoesToTheCityGovernmentToo() throws Exception {
        mvc.perform(get("/api/v1/orgs/fxxzf/guide")).andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("奉新县人民政府政府信息公开指南"))
                .andExpect(jsonPath("$.remedies[1].body").value("宜春市人民政府"))
                .andExpect(jsonPath("$.sections[0].text").value(allOf(containsString("精准扶贫精准脱贫："),
                        containsString("社会救助和社会福利："))));
    }

    @Test
    void anInstitutionsGuideSendsComplaintsToItsRegulatorAndHasNoRequestProcedure() throws Exception {
        String code = "g" + Long.toString(System.nanoTime(), 36);
        Acting.as(Acting.cityAdmin(), () -> organisations.register(
                new NewInstitution(code, "测试指南小学", "PUBLIC_INSTITUTION", "school", "360900", "ycsjyj")));
        mvc.perform(get("/api/v1/orgs/" + code + "/guide")).andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("测试指南小学信息公开指南"))
                .andExpect(jsonPath("$.procedure").value(nullValue()))
                .andExpect(jsonPath("$.fees").value(nullValue()))
                .andExpect(jsonPath("$.remedies.length()").value(1))
                .andExpect(jsonPath("$.remedies[0].body").value("宜春市教育局"));
        mvc.perform(get("/orgs/" + code + "/guide")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("class=\"flow\""))));
    }

    @Test
    void theBodysAdminSavesVersionTwoWhichThePageShowsWithItsDate() throws Exception {
        clock.setDate(LocalDate.of(2026, 11, 20));
        Guide generated = guides.guide("ycstyj");
        String edited = "本局主动公开的政府信息按公开目录编排。\n\n体育设施开放情况按季度更新。";
        mvc.perform(post("/admin/orgs/ycstyj/guide").with(signIn.asNew("ycstyj", Role.ADMIN)).with(csrf())
                        .param("classification", edited)
                        .param("proactive", generated.sections().get(1).text())
                        .param("requests", generated.sections().get(2).text()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/orgs/ycstyj/guide"));

        mvc.perform(get("/orgs/ycstyj/guide")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<time datetime=\"2026-11-20\">2026年11月20日</time>"),
                        containsString("（第2版）"), containsString("<p>体育设施开放情况按季度更新。</p>"),
                        not(containsString("根据机构信息自动生成")))));
        mvc.perform(get("/api/v1/orgs/ycstyj/guide"))
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.generated").value(false))
                .andExpect(jsonPath("$.updatedOn").value("2026-11-20"));

        // The text it replaced is kept as version 1, and staff can read it.
        assertThat(guides.versions("ycstyj")).extracting(GuideVersion::version).containsExactly(2, 1);
        assertThat(guides.versions("ycstyj").get(1).generated()).isTrue();
        mvc.perform(get("/admin/orgs/ycstyj/guide/versions/1").with(signIn.asNew("ycstyj", Role.EDITOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(generated.sections().get(0).paragraphs().get(0))));
        var entries = Acting.as(Acting.cityAdmin(), () -> audit
                .search(new AuditTrail.Query(null, "disclosure-guide", "ycstyj", null, null), 0).getContent());
        assertThat(entries).anyMatch(e -> e.action().equals("guide.save")
                && e.detail().equals("政府信息公开指南第2版：修改了“信息的分类与编排”"));

        // The contacts are not frozen in a version: what the organisation has now shows.
        Acting.as(Acting.cityAdmin(), () -> organisations.amend("ycstyj", new OrganisationDetails("", "", "", "", "",
                "宜春市体育局办公室", "宜春市示例路8号", "工作日8:30—17:30", "0795-3208888", "0795-3208889", "336000",
                "tyj@example.org", "")));
        mvc.perform(get("/orgs/ycstyj/guide")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("宜春市体育局办公室"), containsString("0795-3208889"),
                        containsString("（第2版）"), not(containsString("尚未填写")))));

        // Saving the same text again adds no version; the city office's admin may edit any body's guide.
        mvc.perform(post("/admin/orgs/ycstyj/guide").with(signIn.as("admin")).with(csrf())
                        .param("classification", edited)
                        .param("proactive", generated.sections().get(1).text())
                        .param("requests", generated.sections().get(2).text() + "\r\n\r\n咨询电话见受理机构。"))
                .andExpect(status().is3xxRedirection());
        assertThat(guides.guide("ycstyj").version()).isEqualTo(3);
        assertThat(guides.guide("ycstyj").sections().get(2).paragraphs()).last().isEqualTo("咨询电话见受理机构。");
    }

    @Test
    void anotherBodysAdminAndAnEditorAreRefusedAndNothingChanges() throws Exception {
        mvc.perform(post("/admin/orgs/ycshbj/guide").with(signIn.asNew("ycsmzj", Role.ADMIN)).with(csrf())
                        .param("classification", "越权修改").param("proactive", "越权修改").param("requests", "越权修改"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("您只能修改本单位的政府信息公开指南。")));
        mvc.perform(post("/admin/orgs/ycshbj/guide").with(signIn.asNew("ycshbj", Role.EDITOR, Role.APPROVER))
                        .with(csrf())
                        .param("classification", "越权修改").param("proactive", "越权修改").param("requests", "越权修改"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("只有管理员可以修改政府信息公开指南。")));
        // The page an editor opens says why there is no form, by the same rule.
        mvc.perform(get("/admin/orgs/ycshbj/guide").with(signIn.asNew("ycshbj", Role.EDITOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("只有管理员可以修改政府信息公开指南。"),
                        not(containsString("<textarea")))));
        assertThat(guides.versions("ycshbj")).isEmpty();
        assertThat(guides.guide("ycshbj").generated()).isTrue();
    }

    @Test
    void anEmptyOverLongOrMarkedUpSectionIsRefusedWithItsNameAndNothingIsSaved() throws Exception {
        var admin = signIn.asNew("ycsscj", Role.ADMIN);
        mvc.perform(post("/admin/orgs/ycsscj/guide").with(admin).with(csrf())
                        .param("classification", "  ").param("proactive", "获取方式。".repeat(1001))
                        .param("requests", "<p>依申请公开</p>"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("“信息的分类与编排”不能为空。"),
                        containsString("“主动公开信息的获取方式”不能超过5000个字。"),
                        containsString("“依申请公开”请填写纯文字，段落之间空一行，不能使用HTML标记。"))));
        assertThat(guides.versions("ycsscj")).isEmpty();
        assertThat(guides.guide("ycsscj").generated()).isTrue();
    }

    @Test
    void staffAreToldWhichContactsTheGuideLacks() throws Exception {
        mvc.perform(get("/admin/orgs/ycsfpb/guide").with(signIn.asNew("ycsfpb", Role.ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"missing-contacts\""),
                        containsString("受理机构名称、办公地址、办公时间、联系电话、传真、邮政编码、电子邮箱"))));
    }
}
