package gongkai.ledger;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import gongkai.ledger.VerifierProgram.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command-line verifier end to end over HTTP against {@link FixtureLog} (an independent log with a throwaway
 * key): what it prints and its exit status when everything holds and when one thing was altered.
 */
class VerifierCommandLineTest {

    private static final HexFormat HEX = HexFormat.of();

    private KeyPair key;
    private FixtureLog log;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        log = new FixtureLog(key, null);
    }

    @AfterEach
    void stop() {
        log.close();
    }

    @Test
    void aGenuineRecordPassesEveryCheck() {
        Outcome o = VerifierProgram.run(log.url(), FixtureLog.INDEX_NO);
        assertThat(o.output()).contains("[通过 PASS] 1 内容摘要一致", "[通过 PASS] 2 条目对应本信息",
                "[通过 PASS] 3 叶子哈希", "[通过 PASS] 4 包含证明成立", "[通过 PASS] 5 树头签名有效",
                "核验通过", "VERIFIED: all 5 checks passed").doesNotContain("FAIL");
        assertThat(o.status()).isZero();
        // As copied from the address bar of a record page, the slash encoded or not.
        assertThat(VerifierProgram.run(log.url() + "/", log.url() + "/records/ycsjyj%2F2026-00005?code=x").status())
                .isZero();
        assertThat(VerifierProgram.run(log.url(), "https://example.org/records/ycsjyj/2026-00005").status()).isZero();
    }

    @Test
    void changedContentIsCaughtAndTheRestStillReported() {
        log.tamperContent = true;
        Outcome o = VerifierProgram.run(log.url(), FixtureLog.INDEX_NO);
        assertThat(o.status()).isEqualTo(1);
        assertThat(o.output()).contains("[失败 FAIL] 1 内容摘要不一致", "被改动过", "[通过 PASS] 4 包含证明成立",
                "[通过 PASS] 5 树头签名有效", "核验未通过", "NOT VERIFIED: 1 check(s) failed");
    }

    @Test
    void anotherRecordPassedOffAsTheOneAskedForIsCaught() {
        log.answerEveryNumber = true;
        Outcome o = VerifierProgram.run(log.url(), "ycsjyj/2026-00006");
        assertThat(o.status()).isEqualTo(1);
        assertThat(o.output()).contains("[失败 FAIL] 2 条目与本信息不符", "requested ycsjyj/2026-00006");
        // A draft key keeps resolving to the record it became.
        assertThat(VerifierProgram.run(log.url(), "draft-3").status()).isZero();
    }

    @Test
    void aBrokenProofOrAForgedHeadIsCaught() {
        log.tamperProof = true;
        Outcome proof = VerifierProgram.run(log.url(), FixtureLog.INDEX_NO);
        assertThat(proof.status()).isEqualTo(1);
        assertThat(proof.output()).contains("[失败 FAIL] 4 包含证明不成立", "[通过 PASS] 1 内容摘要一致");

        log.tamperProof = false;
        log.tamperSignature = true;
        Outcome head = VerifierProgram.run(log.url(), FixtureLog.INDEX_NO);
        assertThat(head.status()).isEqualTo(1);
        assertThat(head.output()).contains("[失败 FAIL] 5 树头签名无效");
    }

    @Test
    void onlyTheKeyGivenIsTrusted() throws Exception {
        String published = Base64.getEncoder().encodeToString(key.getPublic().getEncoded());
        assertThat(VerifierProgram.run(log.url(), FixtureLog.INDEX_NO, "--key", published).status()).isZero();
        String other = Base64.getEncoder().encodeToString(KeyPairGenerator.getInstance("Ed25519").generateKeyPair()
                .getPublic().getEncoded());
        Outcome o = VerifierProgram.run(log.url(), FixtureLog.INDEX_NO, "--key", other);
        assertThat(o.status()).isEqualTo(1);
        assertThat(o.output()).contains("[失败 FAIL] 5 树头签名：签名树头使用的公钥与您指定的公钥（--key）不同");
    }

    @Test
    void aDownloadedFileIsCheckedAgainstTheSignedHead() throws Exception {
        Path file = dir.resolve("record.json");
        Files.writeString(file, log.recordJson(), StandardCharsets.UTF_8);
        Outcome o = VerifierProgram.run("verify-file", file.toString(), log.url());
        assertThat(o.output()).contains("核验已下载的文件", "[通过 PASS] 1 内容摘要一致", "[通过 PASS] 5 树头签名有效");
        assertThat(o.status()).isZero();
        assertThat(VerifierProgram.run("verify-file", log.url(), file.toString()).status()).as("either order")
                .isZero();

        Files.writeString(file, log.recordJson().replace("2000.00", "200.00"), StandardCharsets.UTF_8);
        Outcome altered = VerifierProgram.run("verify-file", file.toString(), log.url());
        assertThat(altered.status()).isEqualTo(1);
        assertThat(altered.output()).contains("[失败 FAIL] 1 内容摘要不一致");
    }

    @Test
    void aSavedHeadProvesTheLogOnlyGrew() throws Exception {
        Path head = dir.resolve("head.json");
        Outcome first = VerifierProgram.run(log.url(), FixtureLog.INDEX_NO, "--save-head", head.toString());
        assertThat(first.status()).isZero();
        assertThat(first.output()).contains("已将本次核验的树头保存到");
        assertThat(Files.readString(head)).contains("\"treeSize\":7");

        log.grow(6);
        Outcome later = VerifierProgram.run(log.url(), FixtureLog.INDEX_NO, "--previous-head", head.toString());
        assertThat(later.output()).contains("[通过 PASS] 6 一致性证明成立", "日志在 7 条时的内容原样保留在现在的 13 条之中");
        assertThat(later.status()).isZero();
        // The same size again: nothing to prove beyond equal roots.
        Path now = dir.resolve("now.json");
        Files.writeString(now, log.headJson());
        assertThat(VerifierProgram.run(log.url(), FixtureLog.INDEX_NO, "--previous-head", now.toString()).status())
                .isZero();
    }

    @Test
    void aRewrittenHistoryIsCaught() throws Exception {
        Path head = dir.resolve("head.json");
        assertThat(VerifierProgram.run(log.url(), FixtureLog.INDEX_NO, "--save-head", head.toString()).status())
                .isZero();
        log.rewrite(1);
        log.grow(3);
        Outcome o = VerifierProgram.run(log.url(), FixtureLog.INDEX_NO, "--previous-head", head.toString());
        assertThat(o.status()).isEqualTo(1);
        assertThat(o.output()).contains("[失败 FAIL] 6 一致性证明不成立", "[通过 PASS] 4 包含证明成立");
    }

    @Test
    void aFailedRunSavesNoHead() {
        log.tamperContent = true;
        Path head = dir.resolve("head.json");
        assertThat(VerifierProgram.run(log.url(), FixtureLog.INDEX_NO, "--save-head", head.toString()).status())
                .isEqualTo(1);
        assertThat(head).doesNotExist();
    }

    @Test
    void sinceATreeSizeWithOrWithoutItsRoot() {
        log.grow(6);
        String root7 = HEX.formatHex(log.root(7));
        Outcome derived = VerifierProgram.run(log.url(), FixtureLog.INDEX_NO, "--since", "7");
        assertThat(derived.output()).contains("[注意 NOTE] 6 一致性（未核对旧树根）", root7);
        assertThat(derived.status()).isZero();
        assertThat(VerifierProgram.run(log.url(), FixtureLog.INDEX_NO, "--since", "7:" + root7).output())
                .contains("[通过 PASS] 6 一致性证明成立");
        String wrong = HEX.formatHex(log.root(6));
        assertThat(VerifierProgram.run(log.url(), FixtureLog.INDEX_NO, "--since", "7:" + wrong).status()).isEqualTo(1);

        // A power of two is a whole subtree: the proof leaves its root out, so it must be given.
        Outcome eight = VerifierProgram.run(log.url(), FixtureLog.INDEX_NO, "--since", "8");
        assertThat(eight.status()).isEqualTo(1);
        assertThat(eight.output()).contains("无法由证明推出");
        assertThat(VerifierProgram.run(log.url(), FixtureLog.INDEX_NO, "--since", "8:" + HEX.formatHex(log.root(8)))
                .status()).isZero();

        Outcome rolledBack = VerifierProgram.run(log.url(), FixtureLog.INDEX_NO, "--since", "20");
        assertThat(rolledBack.status()).isEqualTo(1);
        assertThat(rolledBack.output()).contains("日志被回退了");
    }

    @Test
    void aRecordWithoutLedgerEntryOrUnknownIsNotVerified() {
        log.withholdLedger = true;
        Outcome none = VerifierProgram.run(log.url(), FixtureLog.INDEX_NO);
        assertThat(none.status()).isEqualTo(1);
        assertThat(none.output()).contains("没有日志记录");

        Outcome unknown = VerifierProgram.run(log.url(), "ycsjyj/2026-99999");
        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.output()).contains("HTTP 404", "没有索引号为“ycsjyj/2026-99999”的公开信息");
    }

    @Test
    void badUsageExplainsItself() {
        Outcome o = VerifierProgram.run("ycsjyj/2026-00005");
        assertThat(o.status()).isEqualTo(1);
        assertThat(o.output()).contains("用法错误", "java GongkaiVerify.java <base-url> <index-number");
        assertThat(VerifierProgram.run("--help").status()).isZero();
    }

    @Test
    void runsFromItsSourceFileAsAVisitorWouldRunIt() throws Exception {
        Outcome o = VerifierProgram.launch(log.url(), FixtureLog.INDEX_NO);
        assertThat(o.output()).contains("[通过 PASS] 5 树头签名有效", "VERIFIED");
        assertThat(o.status()).isZero();
    }
}
