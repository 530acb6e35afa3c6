package gongkai.ledger;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import gongkai.ledger.VerifierProgram.Outcome;
import gongkai.publishing.Drafting;
import gongkai.publishing.Publishing;
import gongkai.publishing.Records;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end on the running platform over real HTTP, ledger module included: {@code java GongkaiVerify.java} run
 * as a visitor runs it verifies a published record and a downloaded copy, proves with a saved head that the log
 * only grew after another publication, and fails once the stored body is altered in the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class VerifierCommandLineEndToEndTest {

    @LocalServerPort
    int port;
    @Autowired
    Drafting drafting;
    @Autowired
    Publishing publishing;
    @Autowired
    Records records;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path dir;

    @Test
    void aPublishedRecordVerifiesAndTheLogOnlyGrowsUntilTheBodyIsAltered() throws Exception {
        String site = "http://localhost:" + port;
        String indexNo = PublishedRecords.publish(drafting, publishing, records, "某村产业路建设项目公示");
        String json = PublishedRecords.awaitLogged(site, indexNo);
        Path head = dir.resolve("head.json");

        Outcome genuine = VerifierProgram.launch(site, indexNo, "--save-head", head.toString());
        assertThat(genuine.output()).contains("[通过 PASS] 1 内容摘要一致", "[通过 PASS] 2 条目对应本信息",
                "[通过 PASS] 3 叶子哈希", "[通过 PASS] 4 包含证明成立", "[通过 PASS] 5 树头签名有效", "VERIFIED")
                .doesNotContain("FAIL");
        assertThat(genuine.status()).isZero();
        assertThat(head).exists();

        Path file = dir.resolve("record.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        Outcome downloaded = VerifierProgram.launch("verify-file", file.toString(), site);
        assertThat(downloaded.status()).as(downloaded.output()).isZero();

        String later = PublishedRecords.publish(drafting, publishing, records, "某村光伏帮扶电站项目公示");
        PublishedRecords.awaitLogged(site, later);
        Outcome grown = VerifierProgram.launch(site, indexNo, "--previous-head", head.toString());
        assertThat(grown.output()).contains("[通过 PASS] 6 一致性证明成立");
        assertThat(grown.status()).isZero();

        PublishedRecords.alterBodyInDatabase(jdbc, indexNo, "<p>已被悄悄改动的正文。</p>");
        Outcome altered = VerifierProgram.launch(site, indexNo);
        assertThat(altered.output()).contains("[失败 FAIL] 1 内容摘要不一致", "[通过 PASS] 4 包含证明成立",
                "[通过 PASS] 5 树头签名有效", "NOT VERIFIED");
        assertThat(altered.status()).isEqualTo(1);
    }
}
