package gongkai.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default (H2 file database under the data folder): backup, restore onto an empty folder, start. */
class BackupRestoreH2Test {

    @TempDir
    Path temp;

    @Test
    void aRestoredDataFolderBringsBackTheSamePlatform() throws Exception {
        Path first = temp.resolve("first");
        Path archive = temp.resolve("backup.zip");
        BackupRoundTrip.Before before;
        try (ConfigurableApplicationContext app = BackupRoundTrip.start("--gongkai.data-dir=" + first)) {
            before = BackupRoundTrip.fill(app);
            // The archive holds the ledger's private key: no archive without an ADMIN's credentials.
            java.net.http.HttpResponse<Void> anonymous = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                            + BackupRoundTrip.port(app) + "/api/v1/admin/backup"))
                            .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            assertThat(anonymous.statusCode()).isEqualTo(401);
            BackupRoundTrip.backup(app, archive, Map.of());
        }
        assertThat(BackupRoundTrip.entries(archive)).contains("manifest.json", "db/h2-backup.zip",
                "ledger/ledger-ed25519.key", "ledger/ledger-ed25519.pub", "SHA256SUMS",
                "files/" + before.attachmentSha256().substring(0, 2) + "/" + before.attachmentSha256())
                .noneMatch(name -> name.startsWith("index/") || name.startsWith("db/gongkai"));

        // Refused: an altered archive (nothing is written), then a folder that is not empty.
        Path second = temp.resolve("second");
        BackupRoundTrip.Script altered = BackupRoundTrip.restore(
                BackupRoundTrip.tampered(archive, temp.resolve("altered.zip")), second, Map.of());
        assertThat(altered.exit()).as(altered.output()).isNotZero();
        assertThat(altered.output()).contains("SHA256SUMS");
        assertThat(second).doesNotExist();
        Files.createDirectories(second.resolve("db"));
        BackupRoundTrip.Script occupied = BackupRoundTrip.restore(archive, second, Map.of());
        assertThat(occupied.exit()).isNotZero();
        assertThat(occupied.output()).contains("not empty");
        Files.delete(second.resolve("db"));

        BackupRoundTrip.Script restored = BackupRoundTrip.restore(archive, second, Map.of());
        assertThat(restored.exit()).as(restored.output()).isZero();
        assertThat(second.resolve("index")).doesNotExist();
        try (ConfigurableApplicationContext app = BackupRoundTrip.start("--gongkai.data-dir=" + second)) {
            BackupRoundTrip.checkRestored(app, before);
        }
    }
}
