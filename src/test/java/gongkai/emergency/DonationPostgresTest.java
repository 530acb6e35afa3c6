package gongkai.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import gongkai.GongkaiApplication;
import gongkai.shared.Actor;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.PostgresTestDatabase;

/**
 * The donation ledger on PostgreSQL: V38's plpgsql trigger refuses UPDATE, DELETE and TRUNCATE of entries, two
 * allocations racing for the last funds never both succeed, a closed campaign refuses receipts (V40) and the receipt
 * lookup's flood limit counts.
 */
@Tag("postgres")
class DonationPostgresTest {

    @RegisterExtension
    static final PostgresTestDatabase db = new PostgresTestDatabase();

    @TempDir
    Path dataDir;

    @Test
    void entriesAreAppendOnlyAndTheLastFundsGoOnceOnPostgres() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GongkaiApplication.class)
                .profiles("test").run(db.platformArgs(dataDir))) {
            Donations donations = app.getBean(Donations.class);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            Actor approver = Acting.actor("ycsyjj", Role.APPROVER);
            Actor editor = Acting.actor("ycsyjj", Role.EDITOR);
            LocalDate day = LocalDate.of(2026, 7, 1);
            long c = donations.open(new NewCampaign("DPG 捐赠", "ycsyjj", "360902", day, null), approver);
            long receipt = donations.record(c, new NewDonationEntry("RECEIPT", "money", new BigDecimal("100.00"), null,
                    null, null, null, null, null, null, day, null), editor).id();

            assertThatThrownBy(() -> jdbc.update("UPDATE donation_entry SET amount = 1 WHERE id = ?", receipt))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbc.update("DELETE FROM donation_entry WHERE id = ?", receipt))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbc.execute("TRUNCATE donation_entry CASCADE"))
                    .hasMessageContaining("append-only");

            for (int round = 0; round < 5; round++) {
                if (round > 0) {
                    donations.record(c, new NewDonationEntry("RECEIPT", "money", new BigDecimal("80"), null, null,
                            null, null, null, null, null, day, null), editor);
                }
                CountDownLatch start = new CountDownLatch(1);
                ExecutorService pool = Executors.newFixedThreadPool(2);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        try {
                            donations.record(c, new NewDonationEntry("ALLOCATION", "money", new BigDecimal("80"),
                                    null, null, null, null, "安置", "DPG乡政府", null, day, null), editor);
                            return true;
                        } catch (InvalidInputProblem refused) {
                            return false;
                        }
                    }));
                }
                start.countDown();
                int succeeded = 0;
                for (Future<Boolean> f : results) {
                    succeeded += f.get() ? 1 : 0;
                }
                pool.shutdown();
                assertThat(succeeded).isEqualTo(1);
            }
            CategoryBalance money = donations.campaign(c).totals().get(0);
            assertThat(money.allocated()).isEqualByComparingTo("400");
            assertThat(money.onHand()).isEqualByComparingTo("20");

            Acting.as(approver, () -> donations.close(c, "DPG 停止接收。", approver));
            assertThatThrownBy(() -> donations.record(c, new NewDonationEntry("RECEIPT", "money", BigDecimal.ONE,
                    null, null, null, null, null, null, null, day, null), editor))
                    .isInstanceOf(gongkai.shared.ConflictProblem.class);
            donations.record(c, new NewDonationEntry("ALLOCATION", "money", new BigDecimal("20"), null, null, null,
                    null, "安置", "DPG乡政府", null, day, null), editor);
            assertThat(donations.campaign(c).totals().get(0).onHand()).isEqualByComparingTo("0");

            // The lookup limit writes its count from inside the lookup's read-only transaction.
            int limit = app.getEnvironment().getProperty("gongkai.emergency.lookup.max-per-address", Integer.class, 10);
            for (int i = 0; i < limit; i++) {
                assertThatThrownBy(() -> donations.lookup(c, "JZ-" + c + "-000001", "WRONGCODE1"))
                        .isInstanceOf(InvalidInputProblem.class);
            }
            assertThatThrownBy(() -> donations.lookup(c, "JZ-" + c + "-000001", "WRONGCODE1"))
                    .isInstanceOf(gongkai.shared.TooManyRequestsProblem.class);
        }
    }
}
