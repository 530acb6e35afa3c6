package gongkai.ledger;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import gongkai.publishing.Decision;
import gongkai.publishing.Drafting;
import gongkai.publishing.Publishing;
import gongkai.publishing.RecordInput;
import gongkai.publishing.Records;
import gongkai.support.Staff;

import static gongkai.support.Acting.as;

/**
 * For the end-to-end tests of the verifiers on the running platform: a record published through the real
 * three-step review, waited for until the ledger has logged it under a signed head, and its stored body altered
 * behind the platform's back as an intruder with database access would.
 */
final class PublishedRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private PublishedRecords() {
    }

    /** Publishes a poverty-alleviation project notice of the city's office; returns its index number. */
    static String publish(Drafting drafting, Publishing publishing, Records records, String title) {
        Staff s = Staff.of("ycsfpb");
        Map<String, String> row = Map.of("项目名称", title, "资金来源", "中央财政衔接资金", "实施期限", "2026年3月至10月",
                "预期目标", "硬化村组道路2.5公里", "实施单位", "某乡人民政府", "责任人", "刘建设", "举报电话", "0795-3201234");
        String draft = as(s.editor(), () -> drafting.create(new RecordInput("pa-project", "ycsfpb", "360900", title,
                "项目公示，公示期7个工作日。", null, LocalDate.of(2026, 9, 1), "<p>现将“" + title + "”公示如下。</p>",
                List.of("扶贫项目"), null, null, null, null, List.of(row), null, null)));
        as(s.editor(), () -> publishing.submit(draft));
        as(s.reviewer(), () -> publishing.review(draft, Decision.PASS, "材料齐全"));
        as(s.approver(), () -> publishing.approve(draft, Decision.PASS, "同意发布", null, null));
        return records.view(draft, null).indexNo();
    }

    /** The record's JSON once it carries its ledger entry and the signed head covers that entry. */
    static String awaitLogged(String baseUrl, String indexNo) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            String record = get(baseUrl + "/api/v1/records/" + URLEncoder.encode(indexNo, StandardCharsets.UTF_8));
            JsonNode ledger = record == null ? null : JSON.readTree(record).get("ledger");
            if (ledger != null && ledger.hasNonNull("entry")) {
                String head = get(baseUrl + "/api/v1/ledger/sth");
                if (head != null && JSON.readTree(head).get("treeSize").asLong() > ledger.get("leafIndex").asLong()) {
                    return record;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("record " + indexNo + " was not logged under a signed head within 30 s "
                        + "(these tests need the ledger module: GET /api/v1/records/{indexNo} with ledger, /api/v1/ledger/sth)");
            }
            Thread.sleep(200);
        }
    }

    /** Changes the published body in the database directly, bypassing the platform (and its ledger). */
    static void alterBodyInDatabase(JdbcTemplate jdbc, String indexNo, String body) {
        int changed = jdbc.update("UPDATE record_version SET body = ? WHERE record_id = "
                + "(SELECT id FROM disclosure_record WHERE index_no = ?)", body, indexNo);
        if (changed != 1) {
            throw new AssertionError("expected one stored version of " + indexNo + ", changed " + changed);
        }
    }

    private static String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? response.body() : null;
    }
}
