package gongkai.backup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import gongkai.GongkaiApplication;
import gongkai.ledger.SignedTreeHead;
import gongkai.ledger.internal.LedgerSelfCheck;
import gongkai.publishing.RecordInput;
import gongkai.publishing.internal.input.AttachmentStorage;
import gongkai.support.Staff;
import gongkai.support.ThreeStepReview;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The round trip both database tests share: a platform (in this JVM, on a real port, with its own data folder and
 * no test profile, so the ledger key is made under the data folder as in production) gets published records and an
 * attachment; {@code scripts/backup.sh} archives it; {@code scripts/restore.sh} puts it onto an empty folder (and
 * database); a second platform started there passes the ledger self-check, signs with the same key, finds the
 * record through a search index it rebuilt, and serves the attachment with the same hash.
 */
final class BackupRoundTrip {

    static final String ADMIN_PASSWORD = "Backup-Admin-Passw0rd";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** What the first platform held, to compare with the restored one. */
    record Before(SignedTreeHead head, String title, String attachmentSha256) {
    }

    static ConfigurableApplicationContext start(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (all.stream().noneMatch(a -> a.startsWith("--server.port="))) {
            all.add("--server.port=0");
        }
        all.addAll(List.of("--GONGKAI_ADMIN_PASSWORD=" + ADMIN_PASSWORD,
                // The test runs the check itself.
                "--gongkai.ledger.self-check.enabled=false", "--logging.level.root=WARN"));
        return new SpringApplicationBuilder(GongkaiApplication.class).run(all.toArray(String[]::new));
    }

    static Before fill(ConfigurableApplicationContext app) throws Exception {
        ThreeStepReview review = ThreeStepReview.in(app);
        Staff city = Staff.of("ycszfb");
        String title = "关于备份演练的通知";
        review.publish(city, input(title));
        review.publish(city, input("宜春市政务公开工作要点"));
        String sha = app.getBean(AttachmentStorage.class).store("演练示意图.png",
                new ByteArrayInputStream(png())).sha256();
        SignedTreeHead head = sth(app);
        assertThat(head.treeSize()).isGreaterThanOrEqualTo(2);
        return new Before(head, title, sha);
    }

    static void checkRestored(ConfigurableApplicationContext app, Before before) throws Exception {
        LedgerSelfCheck.Report report = app.getBean(LedgerSelfCheck.class).run("backup-test").orElseThrow();
        assertThat(report.problems()).isEmpty();
        assertThat(report.treeSize()).isEqualTo(before.head().treeSize());

        SignedTreeHead now = sth(app);
        assertThat(now.publicKey()).isEqualTo(before.head().publicKey());
        assertThat(now.rootHash()).isEqualTo(before.head().rootHash());
        assertThat(now.signatureValid(before.head().publicKey())).isTrue();
        assertThat(before.head().signatureValid(now.publicKey())).isTrue();

        // The index was not in the archive: it was rebuilt at start (possibly still filling, so wait a little).
        String answer = "";
        Instant until = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(until)) {
            answer = get(app, "/api/v1/search?q=" + URLEncoder.encode("备份演练", StandardCharsets.UTF_8));
            if (answer.contains(before.title())) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(answer).contains(before.title());

        try (InputStream in = app.getBean(AttachmentStorage.class).open(before.attachmentSha256())) {
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes())))
                    .isEqualTo(before.attachmentSha256());
        }
    }

    /** Runs {@code scripts/backup.sh} against the platform; returns the archive. */
    static Path backup(ConfigurableApplicationContext app, Path out, Map<String, String> env, String... args)
            throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "scripts/backup.sh", "-o", out.toString()));
        command.addAll(List.of(args));
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("GONGKAI_URL", "http://127.0.0.1:" + port(app));
        all.put("GONGKAI_BACKUP_PASSWORD", ADMIN_PASSWORD);
        Script result = run(command, all);
        assertThat(result.exit()).as(result.output()).isZero();
        return out;
    }

    static Script restore(Path archive, Path dataDir, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "scripts/restore.sh", archive.toString(),
                dataDir.toString()));
        command.addAll(List.of(args));
        return run(command, env);
    }

    record Script(int exit, String output) {
    }

    static Script run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Script(process.waitFor(), output);
    }

    /** A copy of the archive with one attachment's bytes changed and the rest as it was. */
    static Path tampered(Path archive, Path out) throws IOException {
        boolean changed = false;
        try (ZipFile zip = new ZipFile(archive.toFile());
                ZipOutputStream copy = new ZipOutputStream(Files.newOutputStream(out))) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                byte[] bytes = zip.getInputStream(entry).readAllBytes();
                if (!changed && entry.getName().startsWith("files/")) {
                    bytes[0] ^= 1;
                    changed = true;
                }
                copy.putNextEntry(new ZipEntry(entry.getName()));
                copy.write(bytes);
                copy.closeEntry();
            }
        }
        assertThat(changed).as("the archive holds an attachment").isTrue();
        return out;
    }

    static List<String> entries(Path archive) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            return zip.stream().map(ZipEntry::getName).toList();
        }
    }

    static SignedTreeHead sth(ConfigurableApplicationContext app) throws Exception {
        return JSON.readValue(get(app, "/api/v1/ledger/sth"), SignedTreeHead.class);
    }

    private static String get(ConfigurableApplicationContext app, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(app) + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    private static byte[] png() throws IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(16, 16,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 5, 0x336699);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static RecordInput input(String title) {
        return new RecordInput("gd-rules", "ycszfb", "360900", title, "", null, LocalDate.parse("2025-11-03"),
                "<p>" + title + "。全文如下。</p>", List.of(), null, null, null, null, null, null, null, null,
                null, null);
    }

    private BackupRoundTrip() {
    }
}
