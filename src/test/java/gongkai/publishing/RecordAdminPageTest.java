package gongkai.publishing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriUtils;

import gongkai.shared.Actor;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.PlatformTest;

import static gongkai.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The back office's record page offers exactly the steps the record allows the person looking at it, at every
 * stage of its way: the page asks the same decision as the services.
 */
@PlatformTest
class RecordAdminPageTest extends PublishingFixture {

    private static final String ORG = "ycswjw";

    /** The mark of each action's button or link on the page. */
    private static final Map<RecordAction, String> BUTTONS = Map.of(
            RecordAction.EDIT, "修改内容</a>",
            RecordAction.SUBMIT, "提交审核</button>",
            RecordAction.REOPEN, "修订（生成新版本）</button>",
            RecordAction.REVIEW, "审核通过</button>",
            RecordAction.APPROVE, "审批通过并发布</button>",
            RecordAction.WITHDRAW, "class=\"secondary\">撤回</button>");

    @Test
    void theRecordPageShowsExactlyTheAllowedButtonsAtEveryStage() throws Exception {
        Map<String, Actor> people = new LinkedHashMap<>();
        for (Set<Role> roles : List.of(EnumSet.of(Role.EDITOR), EnumSet.of(Role.REVIEWER), EnumSet.of(Role.APPROVER),
                EnumSet.of(Role.EDITOR, Role.REVIEWER, Role.APPROVER))) {
            String username = Acting.newUser(accounts, ORG, roles.toArray(Role[]::new));
            people.put(username, ((Actor.ActorHolder) principals.loadUserByUsername(username)).actor());
        }
        String stranger = Acting.newUser(accounts, "ycsmzj", Role.EDITOR, Role.REVIEWER, Role.APPROVER);
        people.put(stranger, ((Actor.ActorHolder) principals.loadUserByUsername(stranger)).actor());
        Actor editor = people.values().iterator().next();
        Actor drafterOfAll = people.values().stream().filter(a -> a.roles().size() == 3 && a.orgCode().equals(ORG))
                .findFirst().orElseThrow();
        Actor reviewer = Acting.actor(ORG, Role.REVIEWER);
        Actor approver = Acting.actor(ORG, Role.APPROVER);

        String ref = as(editor, () -> drafting.create(new RecordInput("he-campaign", ORG, "360900", "健康宣传周（页面按钮）",
                "", null, LocalDate.of(2026, 11, 2), "<p>活动安排如下。</p>", List.of("健康中国行"), null, null, null, null,
                null, null, null)));
        as(drafterOfAll, () -> drafting.update(ref, new RecordInput("he-campaign", ORG, "360900", "健康宣传周（页面按钮）",
                "", null, LocalDate.of(2026, 11, 2), "<p>改写后的安排。</p>", List.of("健康中国行"), null, null, null, null,
                null, null, null)));
        assertButtons(ref, people, "草稿");
        as(editor, () -> publishing.submit(ref));
        assertButtons(ref, people, "待审核");
        as(reviewer, () -> publishing.review(ref, Decision.PASS, ""));
        assertButtons(ref, people, "待审批");
        String indexNo = as(approver, () -> publishing.approve(ref, Decision.PASS, "", null, null)).ref();
        assertButtons(indexNo, people, "已发布");
        as(approver, () -> publishing.withdraw(indexNo, "活动取消"));
        assertButtons(indexNo, people, "已撤回");
    }

    @Test
    void aNewRecordIsOtherThanANormativeDocumentUnlessTheClerkSaysSo() throws Exception {
        // A browser submits the first option of a select with none marked: it must be 其他文件, never 规章.
        String editor = Acting.newUser(accounts, "ycsjyj", Role.EDITOR);
        mvc.perform(get("/admin/records/new").param("item", "ed-dropout").with(page(editor)))
                .andExpect(status().isOk()).andExpect(content().string(containsString(
                        "<select id=\"documentCategory\" name=\"documentCategory\"><option value=\"OTHER\"")));
    }

    @Test
    void theRecordFormIsBoundToTheInputAndCheckedLikeTheApi() throws Exception {
        String editor = Acting.newUser(accounts, "ycsfpb", Role.EDITOR);
        Actor actor = ((Actor.ActorHolder) principals.loadUserByUsername(editor)).actor();
        String location = mvc.perform(post("/admin/records").with(page(editor)).with(csrf())
                        .param("catalogItem", "pa-project").param("org", "ycsfpb").param("region", "360900")
                        .param("title", "村组道路硬化项目公示（表单）").param("writtenOn", "2026-09-01")
                        .param("body", "<p>现将项目公示如下。</p>").param("keywords", "扶贫项目、道路 硬化")
                        .param("cells[0_0]", " 某村组道路硬化 ").param("cells[0_7]", "0795-3201234")
                        .param("cells[1_0]", " ").param("cells[2_1]", "中央财政衔接资金"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/admin/records/draft-");
        RecordView saved = as(actor, () -> records.workingCopy(location.substring("/admin/records/".length())));
        assertThat(saved.keywords()).containsExactly("扶贫项目", "道路", "硬化");
        assertThat(saved.rows()).containsExactly(Map.of("项目名称", "某村组道路硬化", "举报电话", "0795-3201234"),
                Map.of("资金来源", "中央财政衔接资金"));

        mvc.perform(post("/admin/records").with(page(editor)).with(csrf()).param("catalogItem", "pa-project")
                        .param("org", "ycsfpb").param("region", "360900").param("title", "日期有误")
                        .param("writtenOn", "2026-13-45"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("成文日期格式应为 2026-11-27。")));
        mvc.perform(post("/admin/records").with(page(editor)).with(csrf()).param("catalogItem", "pa-project")
                        .param("org", "ycsfpb").param("region", "360900").param("title", " ")
                        .param("writtenOn", "2026-09-01"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("名称不能为空")));
    }

    @Test
    void aTargetedRecordsRegionIsChosenNeverTheCountyByDefault() throws Exception {
        String editor = Acting.newUser(accounts, "fxxzf", Role.EDITOR);
        mvc.perform(get("/admin/records/new").param("item", "sa-recipients").with(page(editor)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"\">请选择公示所针对的乡镇或村（居）</option>")))
                .andExpect(content().string(not(containsString("selected=\"selected\">奉新县"))));
        mvc.perform(post("/admin/records").with(page(editor)).with(csrf()).param("catalogItem", "sa-recipients")
                        .param("org", "fxxzf").param("region", "").param("title", "黄岗村低保公示（未选区划）")
                        .param("writtenOn", "2026-09-01"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请选择所属区划")));
        // A public item's form still starts at the body's own region.
        mvc.perform(get("/admin/records/new").param("item", "sa-funds").with(page(editor)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("请选择公示所针对的乡镇"))));
    }

    @Test
    void aClerkFindsARecordInAQueueByWordsOfItsTitle() throws Exception {
        String editor = Acting.newUser(accounts, "ycswjw", Role.EDITOR);
        for (String title : new String[] {"徐家渡镇10月低保公示（查找）", "昌傅镇9月特困供养公示（查找）"}) {
            mvc.perform(post("/admin/records").with(page(editor)).with(csrf()).param("catalogItem", "he-campaign")
                    .param("org", "ycswjw").param("region", "360900").param("title", title)
                    .param("writtenOn", "2026-09-01").param("body", "正文"))
                    .andExpect(status().is3xxRedirection());
        }
        mvc.perform(get("/admin/records").param("queue", "DRAFTS").param("q", " 徐家渡 ").with(page(editor)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("徐家渡镇10月低保公示（查找）")))
                .andExpect(content().string(not(containsString("昌傅镇9月特困供养公示（查找）"))));
        // Words that are wildcards to the database are only words here; another body's drafts never show.
        mvc.perform(get("/admin/records").param("queue", "DRAFTS").param("q", "%").with(page(editor)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("本队列中没有名称或索引号包含")));
        String other = Acting.newUser(accounts, "ycsmzj", Role.EDITOR);
        mvc.perform(get("/admin/records").param("queue", "DRAFTS").param("q", "查找").with(page(other)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("徐家渡镇10月低保公示"))));
    }

    private void assertButtons(String ref, Map<String, Actor> people, String stage) throws Exception {
        for (var person : people.entrySet()) {
            RecordActions actions = as(person.getValue(), () -> publishing.allowedActions(ref));
            // An index number holds a '/': the page's address carries it encoded, as the back office links it.
            var response = mvc.perform(get(URI.create("/admin/records/" + UriUtils.encodePathSegment(ref,
                    StandardCharsets.UTF_8))).with(page(person.getKey()))).andReturn().getResponse();
            if (person.getValue().orgCode().equals(ORG)) {
                assertThat(response.getStatus()).as("%s, %s", stage, person.getValue().roles()).isEqualTo(200);
            }
            String page = response.getContentAsString();
            for (var button : BUTTONS.entrySet()) {
                assertThat(page.contains(button.getValue()))
                        .as("%s, %s with %s: %s", stage, button.getKey(), person.getValue().roles(), button.getValue())
                        .isEqualTo(actions.allowed(button.getKey()));
            }
        }
    }
}
