package gongkai.environment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import gongkai.assessment.ObligationStatus;
import gongkai.assessment.Obligations;
import gongkai.environment.AirQualityData;
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
 * The monthly ranking drafts itself on the fifth working day of the next month, once, as a record of en-air-ranking
 * with the table and a chart, submitted for review; people review and approve it, and the obligation is met on time.
 */
@PlatformTest
@Import(MovableClock.Config.class)
class AirRankingDraftTest {

    @Autowired
    AirRankingDrafts drafts;
    @Autowired
    AirQualityData data;
    @Autowired
    Records records;
    @Autowired
    Publishing publishing;
    @Autowired
    Obligations obligations;
    @Autowired
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void januarysRankingIsDraftedOnceOnTheFifthWorkingDayOfFebruaryAndPublishedByPeople() {
        clock.setDate(LocalDate.of(2026, 2, 2));
        StringBuilder csv = new StringBuilder("date,regionCode,so2,no2,pm10,co,o3_8h,pm25\n");
        for (int d = 1; d <= 31; d++) {
            csv.append(String.format("2026-01-%02d,360925,8,18,50,0.9,90,38%n", d));
            csv.append(String.format("2026-01-%02d,360926,9,22,60,1.0,95,45%n", d));
        }
        Actor clerk = new Actor("env-clerk", "ycshbj", EnumSet.of(Role.EDITOR), false);
        Acting.as(clerk, () -> data.importCsv(csv.toString().getBytes(StandardCharsets.UTF_8), clerk));

        // February 2026: 2, 3, 4, 5, 6 — the fifth working day is Friday 6 February.
        assertThat(drafts.draftDue(LocalDate.of(2026, 2, 5))).isNull();
        clock.setDate(LocalDate.of(2026, 2, 6));
        String ref = drafts.draftDue(LocalDate.of(2026, 2, 6));
        assertThat(ref).isNotNull();
        assertThat(drafts.draftDue(LocalDate.of(2026, 2, 6))).isNull();
        assertThat(drafts.draftDue(LocalDate.of(2026, 2, 9))).isNull();

        Staff staff = Staff.of("ycshbj");
        RecordView draft = Acting.as(staff.reviewer(), () -> records.workingCopy(ref));
        assertThat(draft.status()).isEqualTo(RecordStatus.SUBMITTED);
        assertThat(draft.title()).isEqualTo("2026年1月各县（市、区）环境空气质量排名");
        assertThat(draft.period()).isEqualTo("2026-01");
        assertThat(draft.body()).contains("<th>靖安县</th>", "GB 3095—2012");
        assertThat(draft.attachments()).singleElement().satisfies(a -> {
            assertThat(a.name()).endsWith(".png");
            assertThat(a.altText()).startsWith("综合指数柱状图：靖安县");
        });

        Acting.as(staff.reviewer(), () -> publishing.review(ref, Decision.PASS, "数据已核对"));
        Acting.as(staff.approver(), () -> publishing.approve(ref, Decision.PASS, "同意发布", null, null));
        assertThat(obligations.find(2026, "ycshbj", null)).filteredOn(o -> o.item().equals(AirRankingDrafts.ITEM)
                && o.period().equals("2026-01")).singleElement()
                .satisfies(o -> assertThat(o.status()).isEqualTo(ObligationStatus.ON_TIME));
    }
}
