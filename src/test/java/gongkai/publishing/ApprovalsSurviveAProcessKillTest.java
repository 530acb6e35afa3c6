package gongkai.publishing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.util.UriUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import gongkai.support.PlatformProcess;
import gongkai.support.PlatformProcess.Answer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the platform answered as done stays done after a crash, on the embedded default (H2 file database, Lucene
 * index under the data folder): reviews and approvals run from four threads, the process is killed (SIGKILL) in the
 * middle, and after a restart on the same folder every approval that had answered 200 with an index number is there
 * under that number, with its ledger entry and its search document, and no number names another record — not even
 * after the records left waiting are approved; every review that had answered 200 is still done.
 */
class ApprovalsSurviveAProcessKillTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ORG = "ycswjw";
    private static final String PASSWORD = "Crash-Test-Passw0rd";
    private static final int RECORDS = 32;
    private static final String DIGITS = "零一二三四五六七八九";

    @TempDir
    Path dir;

    /** A published record as the approval answered it. */
    record Acknowledged(String draft, String indexNo, String title) {
    }

    @Test
    void everyApprovalAnsweredBeforeAKillIsThereAfterTheRestartWithItsNumberLedgerEntryAndSearchDocument()
            throws Exception {
        Path data = dir.resolve("data");
        Map<String, String> titles = new HashMap<>();
        Set<String> reviewed = ConcurrentHashMap.newKeySet();
        Map<String, Acknowledged> published = new ConcurrentHashMap<>();
        String reviewer;
        String approver;
        try (PlatformProcess platform = PlatformProcess.start(data)) {
            String editor = newUser(platform, "EDITOR");
            reviewer = newUser(platform, "REVIEWER");
            approver = newUser(platform, "APPROVER");
            titles.putAll(submittedRecords(platform, editor));

            ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(titles.keySet());
            ExecutorService threads = Executors.newFixedThreadPool(4);
            for (int t = 0; t < 4; t++) {
                threads.submit(() -> {
                    String draft;
                    while ((draft = queue.poll()) != null) {
                        try {
                            if (platform.post("/api/v1/records/" + draft + "/review",
                                    "{\"decision\":\"PASS\",\"comment\":\"同意\"}", reviewer, PASSWORD).status() != 200) {
                                continue;
                            }
                            reviewed.add(draft);
                            Answer a = approve(platform, draft, approver);
                            JsonNode state = JSON.readTree(a.body());
                            if (a.status() == 200 && state.get("permanent").asBoolean()) {
                                published.put(draft, new Acknowledged(draft, state.get("indexNo").asString(),
                                        titles.get(draft)));
                            }
                        } catch (Exception killed) {
                            return;
                        }
                    }
                });
            }
            // Kill while approvals are still running: a third answered, the others in flight or waiting.
            while (published.size() < RECORDS / 3) {
                Thread.sleep(2);
            }
            platform.kill();
            threads.shutdown();
            assertThat(threads.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(published.size()).as("approvals answered before the kill").isLessThan(RECORDS);

        try (PlatformProcess platform = PlatformProcess.start(data)) {
            for (String draft : reviewed) {
                Answer a = platform.get("/api/v1/records/" + draft, reviewer, PASSWORD);
                assertThat(a.status()).as(a.body()).isEqualTo(200);
                assertThat(JSON.readTree(a.body()).get("status").asString())
                        .as("%s, whose review was answered before the kill", draft).isIn("REVIEWED", "PUBLISHED");
            }
            // The records left waiting are approved now: none may get a number that was already handed out.
            Map<String, String> later = new HashMap<>();
            for (String draft : reviewed) {
                if (!published.containsKey(draft)) {
                    Answer a = approve(platform, draft, approver);
                    if (a.status() == 200) {
                        later.put(JSON.readTree(a.body()).get("indexNo").asString(), draft);
                    }
                }
            }
            for (Acknowledged a : published.values()) {
                assertThat(later).as("the number %s answered for %s before the kill was handed out again",
                        a.indexNo(), a.draft()).doesNotContainKey(a.indexNo());
                assertPublishedWithLedgerEntryAndSearchDocument(platform, a);
            }
        }
    }

    private static void assertPublishedWithLedgerEntryAndSearchDocument(PlatformProcess platform, Acknowledged a)
            throws Exception {
        Answer record = platform.get("/api/v1/records/" + UriUtils.encodePathSegment(a.indexNo(),
                StandardCharsets.UTF_8));
        assertThat(record.status()).as("record %s (%s), answered as published before the kill", a.indexNo(),
                a.draft()).isEqualTo(200);
        JsonNode view = JSON.readTree(record.body());
        assertThat(view.get("title").asString()).as("the record that %s names", a.indexNo()).isEqualTo(a.title());
        assertThat(view.get("status").asString()).isEqualTo("PUBLISHED");

        JsonNode ledger = view.get("ledger");
        assertThat(ledger != null && ledger.hasNonNull("entry")).as("ledger entry of %s", a.indexNo()).isTrue();
        JsonNode entry = JSON.readTree(ledger.get("entry").asString());
        assertThat(entry.get("indexNo").asString()).isEqualTo(a.indexNo());
        assertThat(entry.get("contentSha256").asString()).isEqualTo(view.get("contentSha256").asString());
        long treeSize = JSON.readTree(platform.get("/api/v1/ledger/sth").body()).get("treeSize").asLong();
        assertThat(ledger.get("leafIndex").asLong()).as("the signed head covers the entry of %s", a.indexNo())
                .isLessThan(treeSize);

        Answer search = platform.get("/api/v1/search?q=" + URLEncoder.encode(a.indexNo(), StandardCharsets.UTF_8));
        assertThat(search.status()).isEqualTo(200);
        List<String> found = new ArrayList<>();
        for (JsonNode hit : JSON.readTree(search.body()).get("hits")) {
            found.add(hit.get("indexNo").asString() + " " + hit.get("title").asString());
        }
        assertThat(found).as("search document of %s", a.indexNo()).contains(a.indexNo() + " " + a.title());
    }

    private static Answer approve(PlatformProcess platform, String draft, String approver) throws Exception {
        return platform.post("/api/v1/records/" + draft + "/approve", "{\"decision\":\"PASS\",\"comment\":\"同意发布\"}",
                approver, PASSWORD);
    }

    private static String newUser(PlatformProcess platform, String role) throws Exception {
        String username = "crash-" + role.toLowerCase();
        Answer a = platform.post("/api/v1/users", """
                {"username":"%s","password":"%s","displayName":"测试%s","org":"%s","roles":["%s"]}
                """.formatted(username, PASSWORD, role, ORG, role), "admin", PlatformProcess.ADMIN_PASSWORD);
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return username;
    }

    /** Records drafted and submitted through the API, from four threads; draft key → title. */
    private static Map<String, String> submittedRecords(PlatformProcess platform, String editor) throws Exception {
        Map<String, String> titles = new ConcurrentHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            String title = "健康宣传活动第" + chinese(i) + "期安排";
            done.add(threads.submit(() -> {
                Answer created = platform.post("/api/v1/records", """
                        {"catalogItem":"he-campaign","org":"%s","region":"360900","title":"%s",
                         "writtenOn":"2026-11-02","body":"<p>活动安排如下。</p>","keywords":["健康宣传"],"audience":"public"}
                        """.formatted(ORG, title), editor, PASSWORD);
                assertThat(created.status()).as(created.body()).isEqualTo(201);
                String draft = JSON.readTree(created.body()).get("indexNo").asString();
                Answer submitted = platform.post("/api/v1/records/" + draft + "/submit", null, editor, PASSWORD);
                assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
                titles.put(draft, title);
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        threads.shutdown();
        return titles;
    }

    /** 7 → 零零七: a number written so that every title is its own search phrase. */
    private static String chinese(int n) {
        String digits = String.format("%03d", n);
        StringBuilder s = new StringBuilder();
        for (char c : digits.toCharArray()) {
            s.append(DIGITS.charAt(c - '0'));
        }
        return s.toString();
    }
}
