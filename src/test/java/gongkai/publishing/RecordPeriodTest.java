package gongkai.publishing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.util.UriUtils;

import gongkai.shared.InvalidInputProblem;
import gongkai.shared.InvalidInputProblem.FieldError;
import gongkai.shared.PlatformConfiguration;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.PlatformTest;
import gongkai.support.Staff;
import gongkai.support.ThreeStepReview;

import static gongkai.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A record of a scheduled item states the period it covers (所属期间), of the schedule's kind and begun by today; an
 * event item's record states none. The period is shown on the record's pages and in its JSON, and the supervision
 * reads who published what for which period through {@link PeriodicPublications}.
 */
@PlatformTest
class RecordPeriodTest extends PublishingFixture {

    /** Monthly (monthly:10), no structured fields; the emergency bureau is responsible for it. */
    private static final String MONTHLY = "dr-reconstruction";
    private static final String ORG = "ycsyjj";

    @RegisterExtension
    static final ThreeStepReview review = new ThreeStepReview();

    @Autowired
    PeriodicPublications periodicPublications;

    @Test
    void aMonthlyItemsRecordWithoutAPeriodIsRefusedByTheApiNamingTheFieldAndNothingIsStored() throws Exception {
        String editor = Acting.newUser(accounts, ORG, Role.EDITOR);
        String body = """
                {"catalogItem":"dr-reconstruction","org":"ycsyjj","region":"360900","title":"灾后重建进展（未填期间）",
                 "writtenOn":"2026-10-09","body":"<p>进展如下。</p>"}
                """;
        mvc.perform(post("/api/v1/records").with(httpBasic(editor, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("period")))
                .andExpect(jsonPath("$.errors[*].message",
                        hasItem("该事项按月公开，次月第10个工作日前，请填写所属期间，例如2026-10 这样的年月")));
        assertThat(jdbc.queryForObject("select count(*) from disclosure_record where title = '灾后重建进展（未填期间）'",
                Integer.class)).isZero();
    }

    @Test
    void aQuarterIsRefusedForAMonthlyItem() {
        assertThat(refused(MONTHLY, ORG, "2026-Q3")).containsExactly(new FieldError("period",
                "该事项按月公开，次月第10个工作日前，期间应写作2026-10 这样的年月，而不是“2026-Q3”"));
    }

    @Test
    void anEventItemsRecordStatesNoPeriod() {
        assertThat(refused("he-campaign", "ycswjw", "2026-10")).containsExactly(new FieldError("period",
                "该事项信息形成或者变更之日起20个工作日内，按事件公开，没有固定期间，不填写期间"));
    }

    @Test
    void aPeriodThatHasNotBegunIsRefused() {
        String next = YearMonth.now(PlatformConfiguration.CHINA).plusMonths(1).toString();
        assertThat(refused(MONTHLY, ORG, next)).containsExactly(new FieldError("period", "期间" + next + "尚未开始"));
    }

    @Test
    void aPeriodThatIsNoPeriodIsRefusedWithTheFormsItMayTake() {
        assertThat(refused(MONTHLY, ORG, "十月")).extracting(FieldError::field).containsExactly("period");
        assertThat(refused(MONTHLY, ORG, "2026-13")).extracting(FieldError::message).containsExactly("期间“2026年第13月”不存在");
    }

    @Test
    void theQuarterIsStoredAsWrittenCanonicallyAndShownOnThePageAndInTheJson() throws Exception {
        Staff s = Staff.of("ycstyj");
        String indexNo = review.publish(s, new RecordInput("cs-donations", "ycstyj", "360900",
                "2026年第三季度受捐款物管理使用情况（期间测试）", "", null, LocalDate.of(2026, 10, 19), "", List.of(), null,
                null, null, null, List.of(Map.of("捐赠方", "某体育用品公司", "种类", "篮球架", "数量", "2", "日期",
                        "2026-08-01")), null, null, "2026-q3"));
        String path = UriUtils.encodePathSegment(indexNo, StandardCharsets.UTF_8);

        mvc.perform(get(URI.create("/api/v1/records/" + path))).andExpect(status().isOk())
                .andExpect(jsonPath("$.period").value("2026-Q3"))
                .andExpect(jsonPath("$.content.period").value("2026-Q3"));
        mvc.perform(get(URI.create("/records/" + path))).andExpect(status().isOk())
                .andExpect(content().string(containsString("所属期间")))
                .andExpect(content().string(containsString("2026年第三季度")));
        String approver = Acting.newUser(accounts, "ycstyj", Role.APPROVER);
        mvc.perform(get(URI.create("/admin/records/" + path)).with(page(approver))).andExpect(status().isOk())
                .andExpect(content().string(containsString("<dt>所属期间</dt><dd>2026年第三季度</dd>")));
    }

    @Test
    void anEventItemsRecordShowsNoPeriod() throws Exception {
        Staff s = Staff.of("ycswjw");
        String indexNo = review.publish(s, new RecordInput("he-campaign", "ycswjw", "360900", "健康促进活动（无期间）", "",
                null, LocalDate.of(2026, 11, 2), "<p>活动安排。</p>", List.of(), null, null, null, null, null, null, null));
        String path = UriUtils.encodePathSegment(indexNo, StandardCharsets.UTF_8);
        mvc.perform(get(URI.create("/api/v1/records/" + path))).andExpect(status().isOk())
                .andExpect(jsonPath("$.period").isEmpty())
                .andExpect(jsonPath("$.content.period").doesNotExist());
        mvc.perform(get(URI.create("/records/" + path))).andExpect(content().string(not(containsString("所属期间"))));
    }

    @Test
    void theFormAsksAScheduledItemsPeriodWithTheScheduleAndKeepsWhatWasTyped() throws Exception {
        String editor = Acting.newUser(accounts, ORG, Role.EDITOR);
        mvc.perform(get("/admin/records/new").param("item", MONTHLY).with(page(editor))).andExpect(status().isOk())
                .andExpect(content().string(containsString("所属期间（必填）")))
                .andExpect(content().string(containsString("按月公开，次月第10个工作日前；填写 2026-10 这样的年月")));
        mvc.perform(get("/admin/records/new").param("item", "dr-response").with(page(editor)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("所属期间"))));

        mvc.perform(post("/admin/records").with(page(editor)).with(csrf()).param("catalogItem", MONTHLY)
                        .param("org", ORG).param("region", "360900").param("title", "灾后重建进展（表单）")
                        .param("writtenOn", "2026-10-09").param("body", "<p>进展如下。</p>").param("period", "2026-Q3"))
                .andExpect(content().string(containsString("value=\"2026-Q3\"")))
                .andExpect(content().string(containsString("id=\"period-problem\"")))
                .andExpect(content().string(containsString("期间应写作2026-10 这样的年月，而不是“2026-Q3”")));

        String location = mvc.perform(post("/admin/records").with(page(editor)).with(csrf())
                        .param("catalogItem", MONTHLY).param("org", ORG).param("region", "360900")
                        .param("title", "灾后重建进展（表单）").param("writtenOn", "2026-10-09")
                        .param("body", "<p>进展如下。</p>").param("period", " 2026-09 "))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location + "/edit").with(page(editor))).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"2026-09\"")));
    }

    @Test
    void periodicPublicationsAreThePublishedRecordsOfTheYearNotTheWithdrawnNorTheDrafts() {
        Staff s = Staff.of("yfxzf");
        String published = review.publish(s, monthly("yfxzf", "360924", "2025-10"));
        String withdrawn = review.publish(s, monthly("yfxzf", "360924", "2025-11"));
        as(s.approver(), () -> publishing.withdraw(withdrawn, "数据有误"));
        review.draft(s, monthly("yfxzf", "360924", "2025-12"));
        String lastYear = review.publish(s, monthly("yfxzf", "360924", "2024-12"));

        List<PeriodicPublication> found = periodicPublications.of(List.of(MONTHLY, "cs-donations"), 2025).stream()
                .filter(p -> p.org().equals("yfxzf")).toList();

        assertThat(found).extracting(PeriodicPublication::catalogItem, PeriodicPublication::period,
                PeriodicPublication::indexNo).containsExactly(org.assertj.core.groups.Tuple.tuple(MONTHLY, "2025-10",
                        published));
        assertThat(found.get(0).firstPublishedAt()).isNotNull();
        assertThat(periodicPublications.of(List.of(MONTHLY), 2024)).extracting(PeriodicPublication::indexNo)
                .contains(lastYear).doesNotContain(published, withdrawn);
        assertThat(periodicPublications.of(List.of(), 2025)).isEmpty();
    }

    private static RecordInput monthly(String org, String region, String period) {
        return new RecordInput(MONTHLY, org, region, "灾后恢复重建工作进展（" + period + "）", "", null,
                LocalDate.of(2026, 1, 5), "<p>进展如下。</p>", List.of(), null, null, null, null, null, null, null,
                period);
    }

    /** The problems of a draft with this period, entered by an editor of the organisation; nothing is stored. */
    private List<FieldError> refused(String item, String org, String period) {
        RecordInput input = new RecordInput(item, org, "360900", "期间检查", "", null, LocalDate.of(2026, 10, 9),
                "<p>正文。</p>", List.of(), null, null, null, null, null, null, null, period);
        Integer before = jdbc.queryForObject("select count(*) from disclosure_record", Integer.class);
        List<FieldError> errors = new java.util.ArrayList<>();
        assertThatThrownBy(() -> as(Acting.actor(org, Role.EDITOR), () -> drafting.create(input)))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> errors.addAll(e.errors()));
        assertThat(jdbc.queryForObject("select count(*) from disclosure_record", Integer.class)).isEqualTo(before);
        return errors;
    }
}
