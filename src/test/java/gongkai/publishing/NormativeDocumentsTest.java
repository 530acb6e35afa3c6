package gongkai.publishing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import gongkai.support.MovableClock;
import gongkai.support.PlatformTest;
import gongkai.support.Staff;
import gongkai.support.ThreeStepReview;

import static gongkai.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Table 二's 规章 and 行政规范性文件 of a year (issued, repealed, in force), from records published on different days
 * of 2024 and 2025: a repeal and an expiry across the turn of the year, a term ending on 31 December, a first
 * publication just after midnight in China that is still the day before in UTC, a withdrawn record, a draft, a record
 * being revised, another body's record and a record of another category.
 */
@PlatformTest
@Import(MovableClock.Config.class)
class NormativeDocumentsTest {

    private static final String ITEM = "gd-rules";
    private static final String CITY = "ycszfb";
    private static final String DEPARTMENT = "ycsmzj";
    private static final String OTHER_BODY = "ycsjyj";
    private static final List<String> BODIES = List.of(CITY, DEPARTMENT);

    @RegisterExtension
    static final ThreeStepReview review = new ThreeStepReview();

    @Autowired
    NormativeDocuments normative;
    @Autowired
    Publishing publishing;
    @Autowired
    MovableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theYearsFiguresCountWhatWasIssuedRepealedAndInForceAcrossTheTurnOfTheYear() {
        Staff city = Staff.of(CITY);
        Staff department = Staff.of(DEPARTMENT);

        publish(city, "2024-03-01", "REGULATION", null);
        String justAfterMidnight = publish(city, "2024-01-02", "REGULATION", null);
        // 00:30 on 1 January 2024 in China is 16:30 on 31 December 2023 in UTC: the Chinese date counts.
        jdbc.update("update disclosure_record set first_published_at = ? where index_no = ?",
                OffsetDateTime.parse("2023-12-31T16:30:00Z"), justAfterMidnight);
        String repealedNextYear = publish(city, "2024-05-06", "REGULATION", null);
        clock.setDate(LocalDate.parse("2025-01-20"));
        as(city.approver(), () -> publishing.setValidity(repealedNextYear, Validity.REPEALED,
                LocalDate.parse("2025-02-01")));

        String endsOnNewYearsEve = publish(department, "2024-02-01", "NORMATIVE", "2024-12-31");
        publish(department, "2024-06-03", "NORMATIVE", "2024-10-31");
        String withdrawn = publish(department, "2024-07-01", "NORMATIVE", null);
        clock.setDate(LocalDate.parse("2024-09-02"));
        as(department.approver(), () -> publishing.withdraw(withdrawn, "误发"));
        String revised = publish(department, "2024-08-01", "NORMATIVE", null);
        as(department.editor(), () -> publishing.revise(revised));
        publish(department, "2025-03-03", "NORMATIVE", "2025-12-30");
        publish(department, "2024-04-01", "OTHER", null);
        clock.setDate(LocalDate.parse("2024-04-01"));
        review.draft(department, input(DEPARTMENT, "2024-04-01", "NORMATIVE", null));
        // Expired at the end of 2024 and repealed in 2025 as well: it ceased once, when its term ran out.
        clock.setDate(LocalDate.parse("2025-06-02"));
        as(department.approver(), () -> publishing.setValidity(endsOnNewYearsEve, Validity.REPEALED,
                LocalDate.parse("2025-06-01")));
        publish(Staff.of(OTHER_BODY), "2024-09-02", "NORMATIVE", null);

        assertThat(normative.figures(BODIES, 2023)).isEqualTo(Map.of(
                DocumentCategory.REGULATION, new NormativeFigures(0, 0, 0),
                DocumentCategory.NORMATIVE, new NormativeFigures(0, 0, 0)));
        assertThat(normative.figures(BODIES, 2024)).isEqualTo(Map.of(
                DocumentCategory.REGULATION, new NormativeFigures(3, 0, 3),
                DocumentCategory.NORMATIVE, new NormativeFigures(3, 1, 2)));
        assertThat(normative.figures(BODIES, 2025)).isEqualTo(Map.of(
                DocumentCategory.REGULATION, new NormativeFigures(0, 1, 2),
                DocumentCategory.NORMATIVE, new NormativeFigures(1, 2, 1)));
        assertThat(normative.figures(BODIES, 2026)).isEqualTo(Map.of(
                DocumentCategory.REGULATION, new NormativeFigures(0, 0, 2),
                DocumentCategory.NORMATIVE, new NormativeFigures(0, 0, 1)));
        assertThat(normative.figures(List.of(CITY, DEPARTMENT, OTHER_BODY), 2024).get(DocumentCategory.NORMATIVE))
                .isEqualTo(new NormativeFigures(4, 1, 3));
    }

    @Test
    void bodiesWithoutSuchDocumentsGetZerosForBothCategories() {
        Map<DocumentCategory, NormativeFigures> none = Map.of(
                DocumentCategory.REGULATION, new NormativeFigures(0, 0, 0),
                DocumentCategory.NORMATIVE, new NormativeFigures(0, 0, 0));
        assertThat(normative.figures(List.of("ycswjw"), 2024)).isEqualTo(none);
        assertThat(normative.figures(List.of(), 2024)).isEqualTo(none);
    }

    /** Written and published by the body on {@code day}; returns its index number. */
    private String publish(Staff staff, String day, String category, String validUntil) {
        clock.setDate(LocalDate.parse(day));
        return review.publish(staff, input(staff.editor().orgCode(), day, category, validUntil));
    }

    private static RecordInput input(String org, String day, String category, String validUntil) {
        return new RecordInput(ITEM, org, "360900", "政府信息公开制度文件（" + category + "，" + day + "）", "", null,
                LocalDate.parse(day), "<p>全文如下。</p>", List.of(), null, null, null, null, null, null, null, null,
                category, validUntil == null ? null : LocalDate.parse(validUntil));
    }
}
