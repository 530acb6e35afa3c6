package gongkai.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import gongkai.GongkaiApplication;

/**
 * The platform as a separate process, as an operator runs it: {@code java} with the test classpath and the
 * application's main class, on a given data folder and a free port, with no test profile — so the embedded default
 * configuration (H2 file database and Lucene index under the data folder) is what runs. It can be killed like a
 * crashed process ({@link #kill()}, SIGKILL) and started again on the same folder. Talks to it over real HTTP.
 */
public final class PlatformProcess implements AutoCloseable {

    /** The password of {@code admin}, created at the first start from {@code GONGKAI_ADMIN_PASSWORD}. */
    public static final String ADMIN_PASSWORD = "Process-Admin-Passw0rd";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final Path log;
    private final String base;

    private PlatformProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.base = "http://127.0.0.1:" + port;
    }

    /** Starts the platform on {@code dataDir} and waits until it accepts traffic (start-up work done). */
    public static PlatformProcess start(Path dataDir, String... args) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8", "-cp",
                System.getProperty("java.class.path"), GongkaiApplication.class.getName(), "--server.port=" + port,
                "--gongkai.data-dir=" + dataDir, "--logging.level.root=WARN", "--logging.level.gongkai=INFO"));
        command.addAll(List.of(args));
        Files.createDirectories(dataDir);
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("GONGKAI_ADMIN_PASSWORD", ADMIN_PASSWORD);
        PlatformProcess platform = new PlatformProcess(builder.start(), log, port);
        platform.awaitReady(Duration.ofSeconds(150));
        return platform;
    }

    private void awaitReady(Duration within) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The platform exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                // Readiness turns up only after the start-up runners and ready listeners (index repair, ledger).
                if (get("/actuator/health/readiness").status() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The platform was not ready within " + within + ":\n" + logTail());
    }

    /** What the platform printed last, for a failure message. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Kills the process as a crash would (SIGKILL): no shutdown hook, no close, nothing flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    /** An answer: its status and body. */
    public record Answer(int status, String body) {
    }

    public Answer get(String pathAndQuery) throws IOException, InterruptedException {
        return get(pathAndQuery, null, null);
    }

    /** A GET with HTTP Basic as {@code user} (none when null). */
    public Answer get(String pathAndQuery, String user, String password) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET(), user, password);
    }

    /** A JSON POST with HTTP Basic as {@code user}. */
    public Answer post(String path, String json, String user, String password)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json, StandardCharsets.UTF_8)),
                user, password);
    }

    private static Answer send(HttpRequest.Builder request, String user, String password)
            throws IOException, InterruptedException {
        request.timeout(Duration.ofSeconds(60));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = HTTP.send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
