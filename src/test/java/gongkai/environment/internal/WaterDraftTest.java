package gongkai.environment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import gongkai.assessment.ObligationStatus;
import gongkai.assessment.Obligations;
import gongkai.calendar.WorkingDayCalendar;
import gongkai.environment.WaterQualityData;
import gongkai.publishing.Decision;
import gongkai.publishing.Publishing;
import gongkai.publishing.RecordStatus;
import gongkai.publishing.RecordView;
import gongkai.publishing.Records;
import gongkai.shared.Actor;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.MovableClock;
import gongkai.support.PlatformTest;
import gongkai.support.Staff;

/**
 * The quarter's surface water (2026-Q2) drafts itself on the fifth working day of the month after the quarter, and the month's
 * drinking water on the fifth working day of the next month: once each, as records of en-surface-water and
 * en-drinking-water with their tables and periods, submitted for review; people review and approve them.
 */
@PlatformTest
@Import(MovableClock.Config.class)
class WaterDraftTest {

    @Autowired
    WaterDrafts drafts;
    @Autowired
    WaterQualityData data;
    @Autowired
    Records records;
    @Autowired
    Publishing publishing;
    @Autowired
    Obligations obligations;
    @Autowired
    WorkingDayCalendar calendar;
    @Autowired
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theSecondQuarterIsDraftedOnceInJulyAndPublishedByPeople() {
        clock.setDate(LocalDate.of(2026, 7, 1));
        Actor clerk = new Actor("water-clerk", "ycshbj", EnumSet.of(Role.EDITOR), false);
        Acting.as(clerk, () -> {
            data.addSection("TWF-1", "TW草稿测试断面", "360925", "river", clerk);
            data.addSection("TWF-2", "TW草稿测试水库", "360925", "lake", clerk);
            return data.importSamplesCsv(("sampledOn,sectionCode,nh3n,codmn,tp\n2026-05-10,TWF-1,1.8,5,0.1\n"
                    + "2026-05-10,TWF-2,0.3,3,0.02\n").getBytes(StandardCharsets.UTF_8), clerk);
        });
        LocalDate due = calendar.nthWorkingDayOfMonth(YearMonth.of(2026, 7), 5);
        assertThat(drafts.draftQuarterDue(due.minusDays(1))).isNull();
        clock.setDate(due);
        String ref = drafts.draftQuarterDue(due);
        assertThat(ref).isNotNull();
        assertThat(drafts.draftQuarterDue(due)).isNull();
        assertThat(drafts.draftQuarterDue(due.plusDays(3))).isNull();
        // No drinking-water samples of June 2026: nothing to draft.
        assertThat(drafts.draftMonthDue(due)).isNull();

        Staff staff = Staff.of("ycshbj");
        RecordView draft = Acting.as(staff.reviewer(), () -> records.workingCopy(ref));
        assertThat(draft.status()).isEqualTo(RecordStatus.SUBMITTED);
        assertThat(draft.title()).isEqualTo("2026年第二季度各县（市、区）地表水水质");
        assertThat(draft.period()).isEqualTo("2026-Q2");
        assertThat(draft.body()).contains("<th>TW草稿测试断面</th>", "Ⅴ类", "中度污染", "氨氮(0.80)", "<th>靖安县</th>",
                "环办〔2011〕22号");

        Acting.as(staff.reviewer(), () -> publishing.review(ref, Decision.PASS, "数据已核对"));
        Acting.as(staff.approver(), () -> publishing.approve(ref, Decision.PASS, "同意发布", null, null));
        assertThat(obligations.find(2026, "ycshbj", null)).filteredOn(o -> o.item().equals(WaterDrafts.SURFACE_ITEM)
                && o.period().equals("2026-Q2")).singleElement()
                .satisfies(o -> assertThat(o.status()).isEqualTo(ObligationStatus.ON_TIME));
    }

    @Test
    void aMonthsDrinkingWaterIsDraftedOnceOnTheFifthWorkingDayOfTheNextMonth() {
        clock.setDate(LocalDate.of(2025, 7, 1));
        Actor clerk = new Actor("water-clerk", "ycshbj", EnumSet.of(Role.EDITOR), false);
        Acting.as(clerk, () -> {
            data.addSource("TWF-S1", "TW草稿测试水源地", "360925", "river", clerk);
            return data.importDrinkingSamplesCsv(("sampledOn,sourceCode,volume,nh3n,fe\n2025-06-10,TWF-S1,80,0.3,0.6\n")
                    .getBytes(StandardCharsets.UTF_8), clerk);
        });
        LocalDate due = calendar.nthWorkingDayOfMonth(YearMonth.of(2025, 7), 5);
        assertThat(drafts.draftMonthDue(due.minusDays(1))).isNull();
        clock.setDate(due);
        String ref = drafts.draftMonthDue(due);
        assertThat(ref).isNotNull();
        assertThat(drafts.draftMonthDue(due)).isNull();

        RecordView draft = Acting.as(Staff.of("ycshbj").reviewer(), () -> records.workingCopy(ref));
        assertThat(draft.status()).isEqualTo(RecordStatus.SUBMITTED);
        assertThat(draft.title()).isEqualTo("2025年6月中心城市和县级城镇集中式饮用水水源地水质");
        assertThat(draft.period()).isEqualTo("2025-06");
        assertThat(draft.body()).contains("<th>TW草稿测试水源地</th>", "不达标", "铁(1.00)", "按个数计达标率0.0%",
                "按取水量计达标率0.0%");
    }
}
