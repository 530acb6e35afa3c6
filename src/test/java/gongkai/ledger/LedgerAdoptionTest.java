package gongkai.ledger;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import gongkai.GongkaiApplication;
import gongkai.ledger.LedgerEntry.Action;
import gongkai.ledger.internal.LedgerSelfCheck;
import gongkai.publishing.Decision;
import gongkai.publishing.Drafting;
import gongkai.publishing.Publishing;
import gongkai.publishing.RecordInput;
import gongkai.publishing.Records;
import gongkai.support.Staff;

import static gongkai.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database whose records were published before the log existed: at the first start with an empty log, every
 * published version and withdrawal is logged once, and a later start adds nothing.
 */
class LedgerAdoptionTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(GongkaiApplication.class).profiles("test").run("--server.port=0",
                "--gongkai.data-dir=" + dataDir, "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("db/gongkai")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
    }

    @Test
    void recordsPublishedBeforeTheLogAreLoggedOnceAtTheFirstStart() {
        String indexNo;
        try (ConfigurableApplicationContext app = start()) {
            Publishing publishing = app.getBean(Publishing.class);
            Drafting drafting = app.getBean(Drafting.class);
            Staff s = Staff.of("ycstyj");
            RecordInput input = new RecordInput("cs-activities", "ycstyj", "360900", "全民健身日活动", "", null,
                    LocalDate.of(2026, 8, 8), "<p>活动安排。</p>", List.of(), null, null, null, null, null, null, null);
            String ref = as(s.editor(), () -> drafting.create(input));
            approve(publishing, s, ref);
            indexNo = app.getBean(Records.class).view(ref, null).indexNo();
            as(s.editor(), () -> publishing.revise(ref));
            approve(publishing, s, ref);
            as(s.approver(), () -> publishing.withdraw(ref, "活动取消"));
            // As a database from before the log: its tables empty (no code path does this).
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            jdbc.update("DELETE FROM ledger_head");
            jdbc.update("DELETE FROM ledger_node");
            jdbc.update("DELETE FROM ledger_leaf");
        }
        try (ConfigurableApplicationContext app = start()) {
            TransparencyLog ledger = app.getBean(TransparencyLog.class);
            int items = app.getBean(gongkai.catalog.Catalog.class).items().size();
            // The record's history first, then the state of every catalogue item, each logged once.
            assertThat(ledger.size()).isEqualTo(3 + items);
            assertThat(java.util.stream.LongStream.range(3, 3 + items).mapToObj(i -> LedgerEntry.parse(
                    ledger.entry(i).entry()))).allSatisfy(e -> assertThat(e.action()).isEqualTo(Action.CATALOG))
                    .extracting(LedgerEntry::indexNo).doesNotHaveDuplicates();
            assertThat(List.of(0L, 1L, 2L).stream().map(i -> LedgerEntry.parse(ledger.entry(i).entry())).toList())
                    .extracting(LedgerEntry::action, LedgerEntry::version)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Action.PUBLISH, 1),
                            org.assertj.core.groups.Tuple.tuple(Action.REVISE, 2),
                            org.assertj.core.groups.Tuple.tuple(Action.WITHDRAW, 2));
            assertThat(LedgerEntry.parse(ledger.entry(2).entry()).indexNo()).isEqualTo(indexNo);
            assertThat(ledger.head().treeSize()).isEqualTo(3 + items);
            assertThat(app.getBean(LedgerSelfCheck.class).run("test").orElseThrow().problems()).isEmpty();
        }
        try (ConfigurableApplicationContext app = start()) {
            assertThat(app.getBean(TransparencyLog.class).size())
                    .isEqualTo(3 + app.getBean(gongkai.catalog.Catalog.class).items().size());
        }
    }

    private static void approve(Publishing publishing, Staff s, String ref) {
        as(s.editor(), () -> publishing.submit(ref));
        as(s.reviewer(), () -> publishing.review(ref, Decision.PASS, ""));
        as(s.approver(), () -> publishing.approve(ref, Decision.PASS, "", null, null));
    }
}
