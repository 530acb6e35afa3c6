package gongkai.publishing;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import gongkai.GongkaiApplication;
import gongkai.support.MovableClock;
import gongkai.support.PostgresTestDatabase;
import gongkai.support.Staff;
import gongkai.support.ThreeStepReview;

import static gongkai.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;

/** Table 二's 规章 and 行政规范性文件 on PostgreSQL: the migration (V30) and the one aggregate query. */
@Tag("postgres")
class NormativeDocumentsPostgresTest {

    @RegisterExtension
    static final PostgresTestDatabase db = new PostgresTestDatabase();

    @TempDir
    Path dataDir;

    @Test
    void theYearsFiguresAreCountedOnPostgres() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GongkaiApplication.class,
                MovableClock.Config.class).profiles("test").run(db.platformArgs(dataDir))) {
            ThreeStepReview review = ThreeStepReview.in(app);
            app.getBean(MovableClock.class).setDate(LocalDate.parse("2025-12-01"));
            Staff city = Staff.of("ycszfb");
            Staff department = Staff.of("ycsmzj");
            String repealed = review.publish(city, input("ycszfb", "REGULATION", null));
            as(city.approver(), () -> app.getBean(Publishing.class).setValidity(repealed, Validity.REPEALED,
                    LocalDate.parse("2025-12-01")));
            review.publish(department, input("ycsmzj", "NORMATIVE", LocalDate.parse("2025-12-30")));
            review.publish(department, input("ycsmzj", "NORMATIVE", null));

            assertThat(app.getBean(NormativeDocuments.class).figures(List.of("ycszfb", "ycsmzj"), 2025))
                    .isEqualTo(Map.of(DocumentCategory.REGULATION, new NormativeFigures(1, 1, 0),
                            DocumentCategory.NORMATIVE, new NormativeFigures(2, 1, 1)));
        }
    }

    private static RecordInput input(String org, String category, LocalDate validUntil) {
        return new RecordInput("gd-rules", org, "360900", "政府信息公开制度（" + category + "）", "", null,
                LocalDate.parse("2025-11-03"), "<p>全文如下。</p>", List.of(), null, null, null, null, null, null, null,
                null, category, validUntil);
    }
}
