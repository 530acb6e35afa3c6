package gongkai.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import gongkai.publishing.ItemActivity;
import gongkai.publishing.PeriodicPublications;
import gongkai.shared.PlatformConfiguration;
import gongkai.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The last publication of each column, which the website self-inspection reads to find empty and stale columns:
 * the newest first publication that is still out, read from the end of the index range.
 */
@PlatformTest
class ColumnActivityTest {

    /** 铜鼓县's column of 救助和福利补贴发放情况; the days lie after anything other tests publish (they publish "now"). */
    private static final String ORG = "tgxzf";
    private static final String ITEM = "sa-recipients";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PeriodicPublications publications;

    @AfterEach
    void clear() {
        new SyntheticRecords(jdbc).clear();
    }

    private Instant last() {
        List<ItemActivity> activity = publications.activity(Map.of(ORG, List.of(ITEM)));
        assertThat(activity).singleElement().satisfies(a -> assertThat(a.catalogItem()).isEqualTo(ITEM));
        return activity.get(0).lastPublishedAt();
    }

    private static Instant at(LocalDate day) {
        return day.atTime(LocalTime.of(15, 0)).atZone(PlatformConfiguration.CHINA).toInstant();
    }

    @Test
    void theNewestPublicationThatIsStillOutCounts() {
        SyntheticRecords records = new SyntheticRecords(jdbc);
        LocalDate older = LocalDate.of(2031, 3, 2);
        LocalDate newer = LocalDate.of(2031, 5, 6);
        records.published(ITEM, ORG, "2031-02", older);
        String latest = records.published(ITEM, ORG, "2031-04", newer);
        assertThat(last()).isEqualTo(at(newer));

        // Reopened for a new version: still out under its published version.
        jdbc.update("UPDATE disclosure_record SET status = 'DRAFT' WHERE index_no = ?", latest);
        assertThat(last()).isEqualTo(at(newer));

        // Withdrawn: the column's last publication is the one before.
        jdbc.update("UPDATE disclosure_record SET status = 'WITHDRAWN' WHERE index_no = ?", latest);
        assertThat(last()).isEqualTo(at(older));
    }

    @Test
    void aColumnWithNothingOutIsEmpty() {
        String quarterly = "sa-funds";
        assertThat(publications.activity(Map.of(ORG, List.of(quarterly)))).singleElement()
                .satisfies(a -> assertThat(a.empty()).isTrue());
        String only = new SyntheticRecords(jdbc).published(quarterly, ORG, "2030-Q4", LocalDate.of(2031, 1, 5));
        jdbc.update("UPDATE disclosure_record SET status = 'WITHDRAWN' WHERE index_no = ?", only);
        assertThat(publications.activity(Map.of(ORG, List.of(quarterly)))).singleElement()
                .satisfies(a -> assertThat(a.empty()).isTrue());
    }
}
