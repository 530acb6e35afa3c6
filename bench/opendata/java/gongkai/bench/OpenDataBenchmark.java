package gongkai.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

import gongkai.GongkaiApplication;
import gongkai.opendata.Dataset;
import gongkai.opendata.DatasetColumn;
import gongkai.opendata.Datasets;
import gongkai.opendata.internal.download.DatasetDownloads;
import gongkai.opendata.internal.download.FormulaGuard;
import gongkai.opendata.internal.download.HeaderForm;

/**
 * Issue 20's promise: a dataset of 1,000,000 rows streams as CSV at ≥ 50,000 rows/s with constant memory. Starts the
 * platform on a fresh H2 file database, fills one dataset (社会救助款物 of 宜春市民政局) with N rows straight into the
 * V51 tables, then streams it through {@code Datasets.rows} and the download's CSV writer into a counting sink,
 * printing rows/s and the heap used after each GC, sampled during the run. Also the rows alone (no writer) and the
 * same rows through commons-csv, to show where the time goes. Prints figures; asserts nothing.
 */
public final class OpenDataBenchmark {

    private static final String NAME = "sa-funds-ycsmzj";
    private static final String[] ITEMS = {"城乡低保", "特困人员救助供养", "临时救助", "受灾人员救助", "孤儿基本生活保障"};
    private static final String[] TOWNS = {"秀江街道", "湛郎街道", "化成街道", "官园街道", "珠泉街道", "下浦街道", "三阳镇",
            "慈化镇", "天台镇", "洪塘镇"};

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static volatile long peakAfterGc;

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("bench.rows", 1_000_000);
        int perRecord = Integer.getInteger("bench.rowsPerRecord", 1_000);
        int passes = Integer.getInteger("bench.passes", 3);
        Path data = Path.of("target", "bench-opendata-data").toAbsolutePath();
        deleteTree(data);
        System.out.printf("Open data benchmark: %,d rows (%,d a record), max heap %d MB, %d cores, load average "
                + "%.1f%n", n, perRecord, Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GongkaiApplication.class).run(
                "--gongkai.data-dir=" + data, "--server.port=0", "--logging.level.root=WARN",
                "--GONGKAI_ADMIN_PASSWORD=Bench-Only-Passw0rd", "--gongkai.search.rebuild-at-start=false",
                "--gongkai.ledger.self-check.enabled=false")) {
            long t0 = System.nanoTime();
            fill(app.getBean(JdbcTemplate.class), app.getBean(TransactionTemplate.class), app.getBean(JsonMapper.class),
                    n, perRecord);
            double fillSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("filled %,d rows in %.1f s (%,.0f rows/s)%n", n, fillSeconds, n / fillSeconds);

            Datasets datasets = app.getBean(Datasets.class);
            DatasetDownloads downloads = app.getBean(DatasetDownloads.class);
            Dataset dataset = datasets.require(NAME);
            System.out.printf("dataset %s: %,d rows, %d columns%n", dataset.name(), dataset.rowCount(),
                    dataset.columns().size());
            AtomicBoolean running = new AtomicBoolean(true);
            Thread sampler = sampler(running);
            for (int pass = 1; pass <= passes; pass++) {
                peakAfterGc = 0;
                run("rows only (cursor + JSON cells)", pass, n, out -> datasets.rows(dataset, null, 0, v -> {
                    out.write(v.size());
                }));
                run("CSV, the download's writer", pass, n,
                        out -> downloads.write(downloads.download(NAME, "all.csv"), HeaderForm.LABELS, out));
                run("CSV through commons-csv", pass, n, out -> commonsCsv(datasets, dataset, out));
            }
            running.set(false);
            sampler.join();
            System.out.printf("load average at the end: %.1f%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.gc();
            System.out.printf("heap used at the end, after GC: %,d MB (max %,d MB)%n", afterGc() >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    @FunctionalInterface
    private interface Work {
        void run(OutputStream out) throws IOException;
    }

    private static void run(String what, int pass, int n, Work work) throws IOException {
        System.gc();
        long before = afterGc();
        peakAfterGc = 0;
        Counting sink = new Counting();
        long gc0 = gcMillis();
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        work.run(sink);
        double s = (System.nanoTime() - t0) / 1e9;
        // H2 is embedded: the query runs in this thread, so its CPU time is the database's and the writer's.
        double cpu = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9 + (gcMillis() - gc0) / 1e3;
        System.out.printf("pass %d, %-34s %6.2f s  %,9.0f rows/s  (CPU %5.2f s incl. GC: %,9.0f rows per CPU-second)  "
                + "%,4.0f MB written  heap after GC: before %,d MB, highest during %,d MB%n", pass, what + ":", s,
                n / s, cpu, n / cpu, sink.bytes / 1048576.0, before >> 20, peakAfterGc >> 20);
    }

    /** The same rows through commons-csv with the same neutralisation, for comparison with the hand-written writer. */
    private static void commonsCsv(Datasets datasets, Dataset dataset, OutputStream out) throws IOException {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write('\uFEFF');
        List<DatasetColumn> columns = dataset.columns();
        boolean[] numeric = new boolean[columns.size()];
        for (int i = 0; i < numeric.length; i++) {
            numeric[i] = columns.get(i).type().numeric();
        }
        CSVPrinter printer = new CSVPrinter(w, CSVFormat.RFC4180);
        printer.printRecord(columns.stream().map(DatasetColumn::label).toList());
        String[] cells = new String[columns.size()];
        datasets.rows(dataset, null, 0, values -> {
            for (int i = 0; i < cells.length; i++) {
                String v = values.get(i);
                cells[i] = numeric[i] && v.matches("-?\\d+(\\.\\d+)?") ? v : FormulaGuard.neutralise(v);
            }
            printer.printRecord((Object[]) cells);
        });
        printer.flush();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /** Heap used after the last collection, over the heap's pools: what the run keeps, not its garbage. */
    private static long afterGc() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage u = pool.getCollectionUsage();
            if (pool.getType() == MemoryType.HEAP && u != null) {
                used += u.getUsed();
            }
        }
        return used;
    }

    private static Thread sampler(AtomicBoolean running) {
        Thread t = new Thread(() -> {
            while (running.get()) {
                peakAfterGc = Math.max(peakAfterGc, afterGc());
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** N rows in records of perRecord rows, over seven years, as the projection writes them. */
    private static void fill(JdbcTemplate jdbc, TransactionTemplate tx, JsonMapper json, int n, int perRecord) {
        Instant now = Instant.now();
        jdbc.update("INSERT INTO opendata_dataset (name, item_code, org_code, created_at, modified_at) "
                + "VALUES (?, 'sa-funds', 'ycsmzj', ?, ?)", NAME, Timestamp.from(now), Timestamp.from(now));
        long datasetId = jdbc.queryForObject("SELECT id FROM opendata_dataset WHERE name = ?", Long.class, NAME);
        int records = (n + perRecord - 1) / perRecord;
        int row = 0;
        for (int r = 0; r < records; r++) {
            int year = 2020 + r * 7 / records;
            int quarter = 1 + r % 4;
            LocalDate published = LocalDate.of(year, quarter * 3, 20);
            String indexNo = "11360900MB1234567X/" + year + "-" + String.format("%06d", r);
            String title = "宜春市民政局" + year + "年第" + quarter + "季度救助款物管理使用情况（基准）";
            int rows = Math.min(perRecord, n - row);
            int recordYear = year;
            tx.executeWithoutResult(s -> {
                jdbc.update("INSERT INTO opendata_record (index_no, dataset_id, version, content_sha256, title, "
                        + "region_code, period, published_on, covers_from, covers_to, data_year, row_count, tags, demo, "
                        + "first_published_at) VALUES (?, ?, 1, ?, ?, '360900', ?, ?, ?, ?, ?, ?, '城乡低保', FALSE, ?)",
                        indexNo, datasetId, "0".repeat(64), title, recordYear + "-Q" + quarter, Date.valueOf(published),
                        Date.valueOf(published.minusMonths(3)), Date.valueOf(published), recordYear, rows,
                        Timestamp.from(now));
                List<Object[]> batch = new ArrayList<>(rows);
                for (int i = 0; i < rows; i++) {
                    Map<String, String> cells = new LinkedHashMap<>();
                    cells.put("救助项目", ITEMS[i % ITEMS.length]);
                    cells.put("资金来源", i % 10 == 0 ? "中央、省级,市级配套" : "中央财政补助资金");
                    cells.put("金额", (i % 50 == 0 ? "-" : "") + (1000 + i * 37 % 90000) + "." + (i % 100 < 10 ? "0" : "")
                            + i % 100);
                    cells.put("物资种类", i % 3 == 0 ? "大米" : "");
                    cells.put("数量", i % 3 == 0 ? Integer.toString(10 + i % 500) : "");
                    cells.put("发放范围", TOWNS[i % TOWNS.length] + (i % 20 == 0 ? "\n（含集中供养）" : ""));
                    cells.put("期间", recordYear + "年第" + quarter + "季度");
                    cells.put("index_no", indexNo);
                    cells.put("record_title", title);
                    cells.put("publisher", "宜春市民政局");
                    cells.put("region_code", "360900");
                    cells.put("region_name", "宜春市");
                    cells.put("period", recordYear + "-Q" + quarter);
                    cells.put("published_on", published.toString());
                    batch.add(new Object[] {datasetId, indexNo, recordYear, Date.valueOf(published), i,
                            json.writeValueAsString(cells)});
                }
                jdbc.batchUpdate("INSERT INTO opendata_row (dataset_id, index_no, data_year, published_on, row_no, "
                        + "cells_json) VALUES (?, ?, ?, ?, ?, ?)", batch);
            });
            row += rows;
        }
    }

    /** Counts what it is given and keeps none of it. */
    private static final class Counting extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
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
