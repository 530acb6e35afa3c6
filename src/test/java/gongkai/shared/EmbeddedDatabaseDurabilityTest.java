package gongkai.shared;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded default's database URL, as application.yaml gives it, keeps every commit that returned when the
 * process is killed (SIGKILL) right after it; and an H2 file URL that would delay writing commits is refused.
 */
class EmbeddedDatabaseDurabilityTest {

    @TempDir
    Path dataDir;

    @Test
    void everyCommitThatReturnedSurvivesAKillOfTheProcessOnTheDefaultUrl() throws Exception {
        String url = defaultUrl();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), CommitLoop.class.getName(), url)
                .redirectErrorStream(true).start();
        long acknowledged = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            // Killed while it commits as fast as it can, right after a commit has been answered.
            while (acknowledged < 2000 && (line = out.readLine()) != null) {
                acknowledged = Long.parseLong(line.trim());
            }
            child.destroyForcibly();
            child.waitFor();
        }
        assertThat(acknowledged).as("commits answered before the kill").isEqualTo(2000);
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM answered")) {
            r.next();
            assertThat(r.getLong(2)).as("the last commit answered before the kill is in the database")
                    .isGreaterThanOrEqualTo(acknowledged);
            assertThat(r.getLong(1)).isEqualTo(r.getLong(2));
        }
    }

    @Test
    void anH2FileDatabaseThatWouldDelayWritingCommitsIsRefused() throws Exception {
        JdbcDataSource delayed = new JdbcDataSource();
        delayed.setURL("jdbc:h2:file:" + dataDir.resolve("delayed") + ";MODE=PostgreSQL");
        assertThatThrownBy(() -> new EmbeddedDatabaseDurability(delayed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("WRITE_DELAY=0");
        JdbcDataSource immediate = new JdbcDataSource();
        immediate.setURL("jdbc:h2:file:" + dataDir.resolve("immediate") + ";MODE=PostgreSQL;WRITE_DELAY=0");
        new EmbeddedDatabaseDurability(immediate);
    }

    /** spring.datasource.url of application.yaml, on this test's data folder. */
    private String defaultUrl() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yaml"));
        Properties p = yaml.getObject();
        return p.getProperty("spring.datasource.url").replace("${gongkai.data-dir}", dataDir.toString());
    }

    /** The child process: commits one row at a time and prints each row's id once its commit has returned. */
    public static final class CommitLoop {

        public static void main(String[] args) throws Exception {
            try (Connection c = DriverManager.getConnection(args[0], "sa", "")) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE answered (id BIGINT PRIMARY KEY, note VARCHAR(200))");
                }
                c.setAutoCommit(false);
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO answered VALUES (?, ?)")) {
                    for (long id = 1; ; id++) {
                        insert.setLong(1, id);
                        insert.setString(2, "已答复的提交 " + id);
                        insert.executeUpdate();
                        c.commit();
                        System.out.println(id);
                        System.out.flush();
                    }
                }
            }
        }
    }
}
