package gongkai.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import gongkai.GongkaiApplication;
import gongkai.ledger.LedgerEntry;
import gongkai.ledger.SignedTreeHead;
import gongkai.ledger.TransparencyLog;
import gongkai.ledger.internal.LedgerSelfCheck;
import gongkai.ledger.internal.LedgerWriter;
import gongkai.shared.CanonicalJson;

/**
 * The ledger benchmark (bench/ledger/README.md): appends N entries through the ledger's own writer, a batch per
 * transaction with a signed head per batch, then times inclusion and consistency proofs at N leaves through the
 * service and over HTTP, and the self-check's pass over the whole log. Prints its figures; asserts nothing.
 */
public final class LedgerBenchmark {

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("bench.leaves", 1_000_000);
        int batch = Integer.getInteger("bench.batch", 1000);
        int proofs = Integer.getInteger("bench.proofs", 10_000);
        String jdbcUrl = System.getProperty("bench.jdbcUrl", "");
        Path data = Path.of("target", "bench-ledger-data").toAbsolutePath();
        // bench.reuse: time the proofs again on the previous run's log (H2), without appending.
        boolean reuse = Boolean.getBoolean("bench.reuse") && jdbcUrl.isBlank() && Files.isDirectory(data);
        if (!reuse) {
            deleteTree(data);
        }
        List<String> appArgs = new ArrayList<>(List.of("--gongkai.data-dir=" + data, "--server.port=0",
                "--logging.level.root=WARN", "--logging.level.gongkai.ledger=INFO",
                "--GONGKAI_ADMIN_PASSWORD=Bench-Only-Passw0rd", "--gongkai.search.rebuild-at-start=false",
                "--gongkai.ledger.self-check.enabled=false"));
        if (!jdbcUrl.isBlank()) {
            appArgs.add("--spring.datasource.url=" + jdbcUrl);
            appArgs.add("--spring.datasource.username=" + System.getProperty("bench.jdbcUser", "postgres"));
            appArgs.add("--spring.datasource.password=" + System.getProperty("bench.jdbcPassword", ""));
        }
        System.out.printf("Ledger benchmark: %,d entries in batches of %,d, %,d proofs of each kind, %s, "
                + "max heap %d MB, "
                + "%d cores%n", n, batch, proofs, jdbcUrl.isBlank() ? "H2 file database" : jdbcUrl,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GongkaiApplication.class)
                .run(appArgs.toArray(String[]::new))) {
            LedgerWriter writer = app.getBean(LedgerWriter.class);
            TransparencyLog ledger = app.getBean(TransparencyLog.class);

            long t0 = System.nanoTime();
            long lastReport = t0;
            for (int start = reuse ? n : 0; start < n; start += batch) {
                List<LedgerWriter.Pending> pending = new ArrayList<>(batch);
                for (int i = start; i < Math.min(n, start + batch); i++) {
                    pending.add(LedgerWriter.Pending.of(new LedgerEntry(LedgerEntry.Action.PUBLISH,
                            String.format("bench/2026-%07d", i), 1, CanonicalJson.sha256Hex("record " + i),
                            Instant.now())));
                }
                writer.append(pending);
                if (System.nanoTime() - lastReport > 30_000_000_000L) {
                    lastReport = System.nanoTime();
                    double s = (lastReport - t0) / 1e9;
                    System.out.printf("  %,d appended in %.0f s (%,.0f/s)%n", start + pending.size(), s,
                            (start + pending.size()) / s);
                }
            }
            double appendSeconds = (System.nanoTime() - t0) / 1e9;
            SignedTreeHead head = ledger.head();
            if (reuse) {
                System.out.printf("reusing the previous run's log of %,d entries%n", head.treeSize());
            } else {
                System.out.printf("appends: %,d in %.1f s = %,.0f appends/s (%,d signed heads)%n", n, appendSeconds,
                        n / appendSeconds, (n + batch - 1) / batch);
            }

            Random random = new Random(6962);
            long size = head.treeSize();
            for (int i = 0; i < 1000; i++) {
                ledger.inclusionProof(Math.floorMod(random.nextLong(), size), size);
                ledger.consistencyProof(1 + Math.floorMod(random.nextLong(), size), size);
            }
            long[] inclusion = new long[proofs];
            long[] consistency = new long[proofs];
            for (int i = 0; i < proofs; i++) {
                long leaf = Math.floorMod(random.nextLong(), size);
                long s = System.nanoTime();
                ledger.inclusionProof(leaf, size);
                inclusion[i] = System.nanoTime() - s;
                long first = 1 + Math.floorMod(random.nextLong(), size);
                s = System.nanoTime();
                ledger.consistencyProof(first, size);
                consistency[i] = System.nanoTime() - s;
            }
            report("inclusion proof (service)", inclusion);
            report("consistency proof (service)", consistency);

            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            int httpProofs = Math.min(proofs, 2000);
            long[] overHttp = new long[httpProofs];
            long[] consistencyOverHttp = new long[httpProofs];
            for (int i = 0; i < 2000; i++) {
                fetch(http, port, "/api/v1/ledger/proof/inclusion?leafIndex=" + i + "&treeSize=" + size);
                fetch(http, port, "/api/v1/ledger/proof/consistency?first=" + (i + 1) + "&second=" + size);
            }
            for (int i = 0; i < httpProofs; i++) {
                long s = System.nanoTime();
                fetch(http, port, "/api/v1/ledger/proof/inclusion?leafIndex=" + Math.floorMod(random.nextLong(), size)
                        + "&treeSize=" + size);
                overHttp[i] = System.nanoTime() - s;
                s = System.nanoTime();
                fetch(http, port, "/api/v1/ledger/proof/consistency?first=" + (1 + Math.floorMod(random.nextLong(),
                        size)) + "&second=" + size);
                consistencyOverHttp[i] = System.nanoTime() - s;
            }
            report("inclusion proof (HTTP, whole request)", overHttp);
            report("consistency proof (HTTP, whole request)", consistencyOverHttp);

            long c0 = System.nanoTime();
            LedgerSelfCheck.Report check = app.getBean(LedgerSelfCheck.class).run("bench").orElseThrow();
            System.out.printf("self-check of the whole log: %,d entries in %.1f s, %d problems%n",
                    check.leavesChecked(), (System.nanoTime() - c0) / 1e9, check.problems().size());
            if (jdbcUrl.isBlank()) {
                System.out.printf("database size: %,.0f MB%n", size(data.resolve("db")) / 1048576.0);
            }
        }
    }

    private static void fetch(HttpClient http, int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%s: p50 %.2f ms, p99 %.2f ms, max %.2f ms (%,d)%n", what, sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6, sorted[sorted.length - 1] / 1e6, sorted.length);
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
