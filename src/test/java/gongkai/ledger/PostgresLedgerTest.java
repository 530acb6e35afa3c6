package gongkai.ledger;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import gongkai.GongkaiApplication;
import gongkai.ledger.internal.LedgerSelfCheck;
import gongkai.ledger.internal.LedgerWriter;
import gongkai.ledger.internal.MerkleTree;
import gongkai.publishing.Decision;
import gongkai.publishing.Drafting;
import gongkai.publishing.Publishing;
import gongkai.publishing.RecordInput;
import gongkai.publishing.Records;
import gongkai.support.PostgresTestDatabase;
import gongkai.support.Staff;

import static gongkai.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log on PostgreSQL: the migration applies, a publication is appended and proved included and consistent
 * against signed heads, concurrent appends keep indices dense under the row lock, and the self-check is clean.
 */
@Tag("postgres")
class PostgresLedgerTest {

    @RegisterExtension
    static final PostgresTestDatabase db = new PostgresTestDatabase();

    @TempDir
    Path dataDir;

    @Test
    void appendProveAndCheckOnPostgres() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GongkaiApplication.class)
                .profiles("test").run(db.platformArgs(dataDir))) {
            TransparencyLog ledger = app.getBean(TransparencyLog.class);
            Publishing publishing = app.getBean(Publishing.class);
            Drafting drafting = app.getBean(Drafting.class);
            Records records = app.getBean(Records.class);
            // At the first start: the state of every catalogue item, nothing else.
            long items = app.getBean(gongkai.catalog.Catalog.class).items().size();
            assertThat(ledger.head().treeSize()).isEqualTo(items);

            Staff s = Staff.of("ycstyj");
            RecordInput input = new RecordInput("cs-activities", "ycstyj", "360900", "全民健身月活动安排", "", null,
                    LocalDate.of(2026, 8, 8), "<p>活动安排。</p>", List.of("全民健身"), null, null, null, null, null,
                    null, null);
            String ref = as(s.editor(), () -> drafting.create(input));
            as(s.editor(), () -> publishing.submit(ref));
            as(s.reviewer(), () -> publishing.review(ref, Decision.PASS, ""));
            as(s.approver(), () -> publishing.approve(ref, Decision.PASS, "", null, null));
            String indexNo = records.view(ref, null).indexNo();
            SignedTreeHead first = ledger.head();
            assertThat(first.treeSize()).isEqualTo(items + 1);
            LoggedEntry entry = ledger.entryFor(indexNo, 1).orElseThrow();
            assertThat(LedgerEntry.parse(entry.entry()).contentSha256())
                    .isEqualTo(records.publishedContent(indexNo, 1).orElseThrow().sha256());

            LedgerWriter writer = app.getBean(LedgerWriter.class);
            long appended = LedgerConcurrencyTest.appendConcurrently(writer, 4, 10);
            assertThat(ledger.size()).isEqualTo(items + 1 + appended);
            LedgerConcurrencyTest.assertDense(app.getBean(JdbcTemplate.class), ledger);

            SignedTreeHead newest = ledger.head();
            assertThat(newest.signatureValid(first.publicKey())).isTrue();
            HexFormat hex = HexFormat.of();
            InclusionProof inclusion = ledger.inclusionProof(entry.leafIndex(), newest.treeSize());
            assertThat(MerkleTree.verifyInclusion(entry.leafIndex(), newest.treeSize(), hex.parseHex(entry.leafHash()),
                    inclusion.auditPath().stream().map(hex::parseHex).toList(), hex.parseHex(newest.rootHash())))
                    .isTrue();
            ConsistencyProof consistency = ledger.consistencyProof(first.treeSize(), newest.treeSize());
            assertThat(MerkleTree.verifyConsistency(first.treeSize(), newest.treeSize(), hex.parseHex(first.rootHash()),
                    hex.parseHex(newest.rootHash()), consistency.proof().stream().map(hex::parseHex).toList()))
                    .isTrue();

            LedgerSelfCheck.Report report = app.getBean(LedgerSelfCheck.class).run("test").orElseThrow();
            assertThat(report.problems()).isEmpty();
            assertThat(report.recordsChecked()).isEqualTo(1);
            assertThat(report.leavesChecked()).isEqualTo(newest.treeSize());
        }
    }
}
