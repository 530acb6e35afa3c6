package gongkai.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throw-away PostgreSQL database for one test class, made on the server at {@code GONGKAI_TEST_PG_URL}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code postgres}, trust auth) and dropped after.
 * Where no server answers, the tests are skipped with a visible message, except under CI ({@code CI=true}),
 * where they must run and therefore fail. A test class registers one:
 * {@code @RegisterExtension static final PostgresTestDatabase db = new PostgresTestDatabase();}
 */
public final class PostgresTestDatabase implements BeforeAllCallback, AfterAllCallback {

    private static final String ADMIN_URL = env("GONGKAI_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = env("GONGKAI_TEST_PG_USER", "postgres");
    private static final String PASSWORD = env("GONGKAI_TEST_PG_PASSWORD", "");

    private String name;
    private String url;

    /** Creates the database before the class's tests, or skips them (fails under CI) when PostgreSQL is unreachable. */
    @Override
    public void beforeAll(ExtensionContext context) {
        String name = "gongkai_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            String message = "PostgreSQL not reachable at " + ADMIN_URL + " as " + USER + " (" + e.getMessage()
                    + "): PostgreSQL tests SKIPPED. Start PostgreSQL or run .ci/run, which starts it.";
            System.err.println("*** " + message);
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI requires the PostgreSQL tests to run: " + message, e);
            }
            Assumptions.abort(message);
        }
        int slash = ADMIN_URL.lastIndexOf('/');
        String base = ADMIN_URL.substring(0, slash + 1);
        String query = ADMIN_URL.contains("?") ? ADMIN_URL.substring(ADMIN_URL.indexOf('?')) : "";
        this.name = name;
        this.url = base + name + query;
    }

    /** Arguments that start the platform on this database with its files under {@code dataDir}, then {@code more}. */
    public String[] platformArgs(java.nio.file.Path dataDir, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--server.port=0",
                "--gongkai.data-dir=" + dataDir, "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + USER, "--spring.datasource.password=" + PASSWORD));
        args.addAll(java.util.List.of(more));
        return args.toArray(String[]::new);
    }

    public String url() {
        return url;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    /** Drops the database after the class's tests. */
    @Override
    public void afterAll(ExtensionContext context) {
        if (name == null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + name + ": " + e.getMessage());
        }
    }

    private static String env(String key, String fallback) {
        String v = System.getenv(key);
        return v == null || v.isBlank() ? fallback : v;
    }
}
