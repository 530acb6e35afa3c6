package gongkai.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import gongkai.shared.GongkaiProperties;

/**
 * Writes the backup archive (zip): {@code manifest.json} first, then {@code db/h2-backup.zip} (H2's own online
 * {@code BACKUP TO}, taken inside this process because the file database is open here; nothing on PostgreSQL,
 * whose dump {@code scripts/backup.sh --postgres} adds), then every file of the data folder except the database
 * and the search index, and last {@code SHA256SUMS} (the {@code sha256sum} format) over all of them. The database
 * is copied before the files: attachments are only ever added under their hash, so each one the copy names is there.
 */
@Component
class BackupArchive {

    private static final Logger log = LoggerFactory.getLogger(BackupArchive.class);
    static final int FORMAT = 1;
    /** Left out: the database files (copied through the database) and the index (rebuilt at start). */
    private static final Set<String> SKIPPED = Set.of("db", "index", ".backup-work");

    private final DataSource dataSource;
    private final Path dataDir;
    private final Clock clock;
    private final String version;
    private final JsonMapper json = JsonMapper.builder().build();
    // One backup at a time: H2's BACKUP is heavy and two would only compete.
    private final ReentrantLock running = new ReentrantLock();

    BackupArchive(DataSource dataSource, GongkaiProperties properties, Clock clock,
            ObjectProvider<BuildProperties> build) {
        this.dataSource = dataSource;
        this.dataDir = properties.dataDir().toAbsolutePath().normalize();
        this.clock = clock;
        BuildProperties b = build.getIfAvailable();
        this.version = b == null ? "unknown" : b.getVersion();
    }

    void write(OutputStream out) throws IOException {
        if (!running.tryLock()) {
            throw new gongkai.shared.ConflictProblem("另一份备份正在生成，请稍后再试。");
        }
        Path work = null;
        try {
            boolean h2 = isH2();
            Map<String, String> sums = new LinkedHashMap<>();
            ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("format", FORMAT);
            manifest.put("platformVersion", version);
            manifest.put("createdAt", clock.instant().toString());
            manifest.put("database", h2 ? "h2" : "external");
            manifest.put("schemaVersion", schemaVersion());
            manifest.put("searchIndex", "not included: rebuilt at start");
            put(zip, "manifest.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest), sums);
            if (h2) {
                work = Files.createDirectories(dataDir.resolve(".backup-work"))
                        .resolve("h2-" + System.nanoTime() + ".zip");
                try (var c = dataSource.getConnection(); var s = c.createStatement()) {
                    // A consistent copy while the database stays open; quotes in the path are doubled.
                    s.execute("BACKUP TO '" + work.toString().replace("'", "''") + "'");
                } catch (SQLException e) {
                    throw new IllegalStateException("H2 online backup failed", e);
                }
                put(zip, "db/h2-backup.zip", work, sums);
            }
            for (Path file : dataFiles()) {
                put(zip, dataDir.relativize(file).toString().replace('\\', '/'), file, sums);
            }
            StringBuilder text = new StringBuilder();
            sums.forEach((name, sum) -> text.append(sum).append("  ").append(name).append('\n'));
            zip.putNextEntry(new ZipEntry("SHA256SUMS"));
            zip.write(text.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            zip.flush();
            log.info("Backup written: {} entries, database {}", sums.size(), h2 ? "H2 (included)" : "external (not included)");
        } finally {
            if (work != null) {
                Files.deleteIfExists(work);
            }
            running.unlock();
        }
    }

    private List<Path> dataFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dataDir)) {
            return files;
        }
        try (Stream<Path> top = Files.list(dataDir)) {
            for (Path p : top.sorted().toList()) {
                if (SKIPPED.contains(p.getFileName().toString())) {
                    continue;
                }
                if (Files.isRegularFile(p)) {
                    files.add(p);
                } else if (Files.isDirectory(p)) {
                    try (Stream<Path> walk = Files.walk(p)) {
                        walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                    }
                }
            }
        }
        return files;
    }

    private boolean isH2() {
        try (Connection c = dataSource.getConnection()) {
            return "H2".equalsIgnoreCase(c.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database", e);
        }
    }

    private String schemaVersion() {
        try {
            return new JdbcTemplate(dataSource).queryForObject("select version from flyway_schema_history "
                    + "where success order by installed_rank desc limit 1", String.class);
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] content, Map<String, String> sums)
            throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
        sums.put(name, HexFormat.of().formatHex(digest().digest(content)));
    }

    private static void put(ZipOutputStream zip, String name, Path file, Map<String, String> sums)
            throws IOException {
        MessageDigest sha = digest();
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (java.nio.file.NoSuchFileException gone) {
            // A temporary file that went away while we walked: nothing to keep.
            return;
        }
        zip.putNextEntry(new ZipEntry(name));
        try (in) {
            in.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), sha) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    super.write(b, off, len);
                    zip.write(b, off, len);
                }
            });
        }
        zip.closeEntry();
        sums.put(name, HexFormat.of().formatHex(sha.digest()));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
