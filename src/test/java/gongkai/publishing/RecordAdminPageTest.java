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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

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
