package gongkai.backup;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import gongkai.support.PostgresTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** PostgreSQL: pg_dump plus the files archive, restored with pg_restore into a fresh empty database. */
@Tag("postgres")
class BackupRestorePostgresTest {

    @RegisterExtension
    static final PostgresTestDatabase source = new PostgresTestDatabase();

    @RegisterExtension
    static final PostgresTestDatabase target = new PostgresTestDatabase();

    @TempDir
    Path temp;

    @Test
    void aDumpAndTheFilesBringBackTheSamePlatformOnAnEmptyDatabase() throws Exception {
        Path first = temp.resolve("first");
        Path archive = temp.resolve("backup.zip");
        Map<String, String> env = libpq(source);
        BackupRoundTrip.Before before;
        try (ConfigurableApplicationContext app = BackupRoundTrip.start(source.platformArgs(first))) {
            before = BackupRoundTrip.fill(app);
            BackupRoundTrip.backup(app, archive, env, "--postgres", conninfo(source));
        }
        assertThat(BackupRoundTrip.entries(archive)).contains("manifest.json", "postgres.dump",
                "ledger/ledger-ed25519.key", "SHA256SUMS").doesNotContain("db/h2-backup.zip");

        Path second = temp.resolve("second");
        // Refused: a database that is not empty (the source itself).
        BackupRoundTrip.Script occupied = BackupRoundTrip.restore(archive, second, env, "--postgres",
                conninfo(source));
        assertThat(occupied.exit()).isNotZero();
        assertThat(occupied.output()).contains("already holds");
        assertThat(second).doesNotExist();

        BackupRoundTrip.Script restored = BackupRoundTrip.restore(archive, second, libpq(target), "--postgres",
                conninfo(target));
        assertThat(restored.exit()).as(restored.output()).isZero();
        try (ConfigurableApplicationContext app = BackupRoundTrip.start(target.platformArgs(second))) {
            BackupRoundTrip.checkRestored(app, before);
        }
    }

    /** The JDBC URL as a libpq URI. */
    private static String conninfo(PostgresTestDatabase db) {
        return db.url().substring("jdbc:".length());
    }

    private static Map<String, String> libpq(PostgresTestDatabase db) {
        Map<String, String> env = new HashMap<>();
        env.put("PGUSER", db.user());
        if (!db.password().isEmpty()) {
            env.put("PGPASSWORD", db.password());
        }
        return env;
    }
}
