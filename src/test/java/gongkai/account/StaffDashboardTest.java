package gongkai.account;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import gongkai.publishing.Decision;
import gongkai.publishing.Drafting;
import gongkai.publishing.Publishing;
import gongkai.publishing.RecordInput;
import gongkai.shared.Actor;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.BackOfficeSignIn;
import gongkai.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What clerks read: names instead of usernames in histories (with the organisation when it is another one), and
 * to-do counts on the dashboards that lead to lists of exactly those items.
 */
@PlatformTest
class StaffDashboardTest {

    private static final String ORG = "fxxzf";

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    BackOfficeSignIn signIn;
    @Autowired
    Drafting drafting;
    @Autowired
    Publishing publishing;

    private Actor person(String name, Role... roles) {
        String username = "d" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Acting.as(Acting.cityAdmin(), () -> accounts.create(new NewUser(username, Acting.PASSWORD, name, ORG,
                EnumSet.copyOf(List.of(roles)))));
        return new Actor(username, ORG, EnumSet.copyOf(List.of(roles)), false);
    }

    private String draft(Actor editor, String title) {
        RecordInput input = new RecordInput("pa-identification", ORG, "360921", title, "名单", null,
                LocalDate.of(2026, 10, 20), "<p>现将名单公示如下。</p>", List.of("救助"), null, "救助对象", null, null,
                List.of(Map.of("户主姓名", "赵大成", "家庭人口", "3", "所在村组", "某村一组", "识别或退出", "识别", "年度", "2026")),
                null, null);
        return Acting.as(editor, () -> drafting.create(input));
    }

    private String page(String path, String username) throws Exception {
        return mvc.perform(get(path).with(signIn.as(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static String main(String page) {
        return page.substring(page.indexOf("<main"));
    }

    /** The count a to-do line or board shows for the link, whichever side of the label it stands. */
    private static long todoCount(String page, String link) {
        Matcher m = Pattern.compile("href=\"" + Pattern.quote(link.replace("&", "&amp;"))
                + "\"[^>]*>(?:(?!</a>).)*?class=\"todo-count\">(\\d+)<", Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as("a to-do count linking to %s", link).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void historiesNameThePeopleAndKeepTheUsernameAsATooltip() throws Exception {
        Actor editor = person("奉新王芳", Role.EDITOR);
        Actor reviewer = person("奉新李审", Role.REVIEWER);
        String title = "名字而非用户名" + UUID.randomUUID().toString().substring(0, 6);
        String ref = draft(editor, title);
        Acting.as(editor, () -> publishing.submit(ref));
        Acting.as(reviewer, () -> publishing.review(ref, Decision.REJECT, "名单缺少村组"));

        // The header names who is signed in; the page's content is what must name people.
        String own = main(page("/admin/records/" + ref, reviewer.username()));
        assertThat(own).contains("title=\"" + editor.username() + "\">奉新王芳</span>")
                .contains("title=\"" + reviewer.username() + "\">奉新李审</span>")
                .doesNotContain(">" + editor.username() + "<").doesNotContain(">" + reviewer.username() + "<");
        // The city office reads another organisation's people with that organisation's name.
        String city = page("/admin/records/" + ref, "admin");
        assertThat(city).contains(">奉新李审（奉新县人民政府）</span>");
        String audit = page("/admin/audit?actor=" + reviewer.username(), "admin");
        assertThat(audit).contains(">奉新李审（奉新县人民政府）</span>");
    }

    @Test
    void theDashboardCountsWhatWaitsAndLeadsToExactlyThoseRecords() throws Exception {
        Actor editor = person("奉新信息员", Role.EDITOR);
        Actor reviewer = person("奉新审核员", Role.REVIEWER);
        String returned = "退回待改" + UUID.randomUUID().toString().substring(0, 6);
        String waiting = "待审核" + UUID.randomUUID().toString().substring(0, 6);
        String ref = draft(editor, returned);
        Acting.as(editor, () -> publishing.submit(ref));
        Acting.as(reviewer, () -> publishing.review(ref, Decision.REJECT, "请补充"));
        String other = draft(editor, waiting);
        Acting.as(editor, () -> publishing.submit(other));

        String editorBoard = page("/admin", editor.username());
        assertThat(todoCount(editorBoard, "/admin/records?queue=RETURNED")).isEqualTo(1);
        assertThat(editorBoard).doesNotContain("queue=TO_REVIEW").contains("已逾期的公开义务");
        String returnedList = page("/admin/records?queue=RETURNED", editor.username());
        assertThat(returnedList).contains(returned).doesNotContain(waiting);
        assertThat(todoCount(returnedList, "/admin/records?queue=RETURNED")).isEqualTo(1);

        String reviewerBoard = page("/admin", reviewer.username());
        long toReview = todoCount(reviewerBoard, "/admin/records?queue=TO_REVIEW");
        assertThat(toReview).isPositive();
        assertThat(reviewerBoard).doesNotContain("queue=RETURNED").doesNotContain("/admin/residents");
        String reviewList = page("/admin/records?queue=TO_REVIEW", reviewer.username());
        assertThat(reviewList).contains(waiting).doesNotContain(returned);
        assertThat(Pattern.compile("<a href=\"/admin/records/").matcher(reviewList).results().count())
                .isEqualTo(toReview);
    }

    @Test
    void complaintsAwaitingReplyAndOtherQueuesAreCountedWhereTheyAreListed() throws Exception {
        Actor editor = person("奉新办理人", Role.EDITOR, Role.APPROVER);
        String subject = "待答复" + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/api/v1/complaints").with(r -> {
            r.setRemoteAddr("10.9." + (Math.abs(subject.hashCode()) % 250) + ".7");
            return r;
        }).contentType(MediaType.APPLICATION_JSON).content("{\"org\":\"" + ORG + "\",\"category\":\"NOT_DISCLOSED\","
                + "\"subject\":\"" + subject + "\",\"description\":\"某村低保名单没有张榜公示\",\"name\":\"张三\","
                + "\"phone\":\"13800000000\",\"anonymous\":false}")).andExpect(status().isCreated());

        String board = page("/admin", editor.username());
        long open = todoCount(board, "/admin/complaints?status=OPEN");
        assertThat(open).isPositive();
        String list = page("/admin/complaints?status=OPEN", editor.username());
        assertThat(list).contains(subject);
        assertThat(todoCount(list, "/admin/complaints?status=OPEN")).isEqualTo(open);
        assertThat(Pattern.compile("<a href=\"/admin/complaints/(?!new)").matcher(list).results().count()).isEqualTo(open);

        // Each module's dashboard leads with its own count line.
        assertThat(todoCount(page("/admin/requests", editor.username()), "/admin/requests?due=soon")).isNotNegative();
        String overdue = page("/admin/requests?due=overdue", editor.username());
        assertThat(overdue).contains("只显示已逾期的申请");
        assertThat(todoCount(page("/admin/supervision", editor.username()), "/admin/supervision?status=OPEN"))
                .isEqualTo(Pattern.compile("<a href=\"/admin/supervision/findings/")
                        .matcher(page("/admin/supervision?status=OPEN", editor.username())).results().count());
        String obligations = page("/admin/obligations?flag=OVERDUE", editor.username());
        assertThat(obligations).contains("只显示“<span>已逾期</span>”的提醒");
        assertThat(todoCount(obligations, "/admin/obligations?flag=OVERDUE#inbox"))
                .isEqualTo(Pattern.compile("<li class=\"alert error\">").matcher(obligations).results().count());
        assertThat(todoCount(board, "/admin/warnings?toConfirm=true")).isNotNegative();
        assertThat(page("/admin/warnings?toConfirm=true", editor.username())).contains("只显示待您复核的预警");
        assertThat(board).doesNotContain("/admin/residents");
        assertThat(todoCount(page("/admin", "admin"), "/admin/residents")).isNotNegative();
    }
}
