package gongkai.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test double of the platform's ledger API (API.md, "The transparency log"), built on {@link ReferenceMerkleTree}
 * and a throwaway Ed25519 key, so that the verifiers can be checked — and made to fail in chosen ways — without
 * the ledger module. One record ({@link #INDEX_NO}) is logged among made-up entries. Any other path is forwarded
 * to {@code proxyTo} (the running platform, for its /verify page and script), or answered 404.
 */
final class FixtureLog implements AutoCloseable {

    static final String INDEX_NO = "ycsjyj/2026-00005";
    static final int RECORD_LEAF = 4;
    static final long TIMESTAMP = Instant.parse("2026-11-27T08:00:05Z").toEpochMilli();

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HexFormat HEX = HexFormat.of();

    private final KeyPair key;
    private final String proxyTo;
    private final List<String> entries = new ArrayList<>();
    private final Map<String, Object> content;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final HttpClient client = HttpClient.newHttpClient();
    private ReferenceMerkleTree tree;

    /** The content served differs from the content that was logged. */
    volatile boolean tamperContent;
    /** The first hash of every inclusion audit path is altered. */
    volatile boolean tamperProof;
    /** The head is signed over another tree size than it states. */
    volatile boolean tamperSignature;
    /** The record is served without its ledger entry. */
    volatile boolean withholdLedger;
    /** The record is served whatever number was asked for, as a site passing one record off as another would. */
    volatile boolean answerEveryNumber;

    FixtureLog(KeyPair key, String proxyTo) throws IOException {
        this.key = key;
        this.proxyTo = proxyTo;
        this.content = content();
        for (int i = 0; i < 7; i++) {
            entries.add(i == RECORD_LEAF ? json(entry(INDEX_NO, 1, sha256Hex(json(content)))) : filler(i));
        }
        this.tree = new ReferenceMerkleTree(entries);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized byte[] root(int n) {
        return tree.root(n);
    }

    /** More entries after the record's. */
    synchronized void grow(int more) {
        for (int i = 0; i < more; i++) {
            entries.add(filler(entries.size()));
        }
        tree = new ReferenceMerkleTree(entries);
    }

    /** An entry the log had already signed is silently replaced: what a consistency proof must reveal. */
    synchronized void rewrite(int leaf) {
        entries.set(leaf, "{\"action\":\"WITHDRAW\",\"rewritten\":true}");
        tree = new ReferenceMerkleTree(entries);
    }

    /** The record as {@code GET /api/v1/records/{indexNo}} answers it (and as a visitor downloads it). */
    synchronized String recordJson() {
        Map<String, Object> served = new TreeMap<>(content);
        if (tamperContent) {
            served.put("title", content.get("title") + "（已改动）");
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("indexNo", INDEX_NO);
        record.put("title", served.get("title"));
        record.put("version", 1);
        record.put("status", "PUBLISHED");
        record.put("content", served);
        if (!withholdLedger) {
            Map<String, Object> ledger = new LinkedHashMap<>();
            ledger.put("entry", entries.get(RECORD_LEAF));
            ledger.put("leafIndex", RECORD_LEAF);
            ledger.put("leafHash", HEX.formatHex(tree.leafHash(RECORD_LEAF)));
            record.put("ledger", ledger);
        }
        return json(record);
    }

    synchronized String headJson() {
        int n = entries.size();
        String root = HEX.formatHex(tree.root(n));
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("treeSize", n);
        head.put("rootHash", root);
        head.put("timestamp", TIMESTAMP + n);
        head.put("signature", sign((tamperSignature ? n + 1 : n) + "|" + root + "|" + (TIMESTAMP + n)));
        head.put("publicKey", Base64.getEncoder().encodeToString(key.getPublic().getEncoded()));
        return json(head);
    }

    private synchronized String inclusionJson(int leafIndex, int treeSize) {
        List<String> path = new ArrayList<>();
        for (byte[] h : tree.path(leafIndex, treeSize)) {
            path.add(HEX.formatHex(h));
        }
        if (tamperProof && !path.isEmpty()) {
            byte[] first = tree.path(leafIndex, treeSize).get(0);
            first[0] ^= 1;
            path.set(0, HEX.formatHex(first));
        }
        return json(Map.of("leafIndex", leafIndex, "treeSize", treeSize, "auditPath", path));
    }

    private synchronized String consistencyJson(int first, int second) {
        List<String> proof = new ArrayList<>();
        for (byte[] h : tree.proof(first, second)) {
            proof.add(HEX.formatHex(h));
        }
        return json(Map.of("first", first, "second", second, "proof", proof));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getRawPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if (path.startsWith("/api/v1/records/")) {
                String indexNo = URLDecoder.decode(path.substring("/api/v1/records/".length()), StandardCharsets.UTF_8);
                if (indexNo.equals(INDEX_NO) || answerEveryNumber || indexNo.startsWith("draft-")) {
                    send(exchange, 200, "application/json", recordJson());
                } else {
                    send(exchange, 404, "application/problem+json",
                            json(Map.of("status", 404, "detail", "没有索引号为“" + indexNo + "”的公开信息。")));
                }
            } else if (path.equals("/api/v1/ledger/sth")) {
                send(exchange, 200, "application/json", headJson());
            } else if (path.equals("/api/v1/ledger/proof/inclusion")) {
                send(exchange, 200, "application/json", inclusionJson(Integer.parseInt(query.get("leafIndex")),
                        Integer.parseInt(query.get("treeSize"))));
            } else if (path.equals("/api/v1/ledger/proof/consistency")) {
                send(exchange, 200, "application/json", consistencyJson(Integer.parseInt(query.get("first")),
                        Integer.parseInt(query.get("second"))));
            } else if (proxyTo != null) {
                String raw = exchange.getRequestURI().getRawQuery();
                HttpResponse<byte[]> answer = client.send(HttpRequest.newBuilder(URI.create(proxyTo + path
                        + (raw == null ? "" : "?" + raw))).build(), HttpResponse.BodyHandlers.ofByteArray());
                answer.headers().firstValue("Content-Type").ifPresent(t -> exchange.getResponseHeaders()
                        .set("Content-Type", t));
                answer.headers().firstValue("Content-Security-Policy").ifPresent(t -> exchange.getResponseHeaders()
                        .set("Content-Security-Policy", t));
                exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1
                        : answer.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            } else {
                send(exchange, 404, "text/plain", "not found");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            send(exchange, 500, "text/plain", String.valueOf(e));
        } finally {
            exchange.close();
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + ";charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    /**
     * A record's content as the platform logs it, in sorted maps so that Jackson's compact output is its RFC 8785
     * form (for these values: strings without control characters other than a newline, integers, null, lists).
     */
    private static Map<String, Object> content() {
        Map<String, Object> c = new TreeMap<>();
        c.put("indexNo", INDEX_NO);
        c.put("version", 1);
        c.put("org", "ycsjyj");
        c.put("publisher", "宜春市教育局");
        c.put("catalogItem", "edu-aid");
        c.put("region", "360900");
        c.put("audience", "public");
        c.put("title", "2026年秋季学期学生资助名单公示");
        c.put("summary", "公示期为7个工作日。");
        c.put("documentNumber", null);
        c.put("writtenOn", "2026-09-01");
        c.put("keywords", List.of("学生资助", "公示"));
        c.put("subjectClass", "教育");
        c.put("body", "<p>现将名单公示如下。\n如有异议，请致电“0795-3201234”或写信反映 \"意见\"。</p>");
        Map<String, Object> row = new TreeMap<>();
        row.put("学校", "宜春市第一中学");
        row.put("资助金额", "2000.00");
        row.put("姓名", "张*");
        c.put("data", List.of(row));
        c.put("attachments", List.of());
        return c;
    }

    private static Map<String, Object> entry(String indexNo, int version, String contentSha256) {
        Map<String, Object> e = new TreeMap<>();
        e.put("action", "PUBLISH");
        e.put("at", "2026-11-27T08:00:00Z");
        e.put("contentSha256", contentSha256);
        e.put("indexNo", indexNo);
        e.put("version", version);
        return e;
    }

    private static String filler(int i) {
        return json(entry(String.format("ycsmzj/2026-%05d", i + 1), 1, sha256Hex("filler " + i)));
    }

    private String sign(String message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key.getPrivate());
            signer.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256Hex(String text) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
