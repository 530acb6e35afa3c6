package gongkai.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import gongkai.GongkaiApplication;
import gongkai.notify.ChannelKind;
import gongkai.notify.internal.MessageDraft;
import gongkai.notify.internal.Outbox;
import gongkai.notify.internal.channel.Channel;
import gongkai.notify.internal.channel.MessageKinds;
import gongkai.notify.internal.channel.Outgoing;
import gongkai.notify.internal.channel.SendOutcome;
import gongkai.region.Region;
import gongkai.region.Regions;

/**
 * The push benchmark (bench/notify/README.md): N confirmed e-mail subscriptions inserted straight into the tables,
 * then a record message that matches every one of them, timed until its fan-out is done, and a warning posted behind
 * that backlog, timed until 10,000 of its deliveries are sent. The e-mail channel is a counter (optionally sleeping
 * like a provider would). Prints its figures; asserts nothing.
 */
public final class NotifyBenchmark {

    private static final String DOMAIN = "social-assistance";
    private static final String ITEM = "sa-recipients";
    private static final String COUNTY = "360902";
    private static final String OTHER_COUNTY = "360921";
    private static final String CITY = "360900";
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private static long heapPeak;

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("bench.subscriptions", 1_000_000);
        int warningTarget = Integer.getInteger("bench.warningTarget", 10_000);
        long sendMillis = Long.getLong("bench.sendMillis", 0);
        long warningDelay = Long.getLong("bench.warningDelaySeconds", 5);
        boolean drain = Boolean.getBoolean("bench.drain");
        String jdbcUrl = System.getProperty("bench.jdbcUrl", "");
        Path data = Path.of("target", "bench-notify-data").toAbsolutePath();
        deleteTree(data);
        List<String> appArgs = new ArrayList<>(List.of("--gongkai.data-dir=" + data, "--server.port=0",
                "--logging.level.root=WARN", "--logging.level.gongkai.notify=INFO",
                "--GONGKAI_ADMIN_PASSWORD=Bench-Only-Passw0rd", "--gongkai.search.rebuild-at-start=false",
                "--gongkai.ledger.self-check.enabled=false",
                "--gongkai.notify.delivery.rate-per-second.EMAIL=" + Integer.getInteger("bench.rate", 1_000_000)));
        if (Integer.getInteger("bench.workers") != null) {
            appArgs.add("--gongkai.notify.delivery.workers=" + Integer.getInteger("bench.workers"));
        }
        if (Integer.getInteger("bench.chunk") != null) {
            appArgs.add("--gongkai.notify.delivery.fanout-chunk=" + Integer.getInteger("bench.chunk"));
        }
        if (!jdbcUrl.isBlank()) {
            appArgs.add("--spring.datasource.url=" + jdbcUrl);
            appArgs.add("--spring.datasource.username=" + System.getProperty("bench.jdbcUser", "postgres"));
            appArgs.add("--spring.datasource.password=" + System.getProperty("bench.jdbcPassword", ""));
        }
        System.out.printf("Push benchmark: %,d matching subscriptions (+%,d that do not match), e-mail channel "
                + "sleeping %d ms a send, %s, max heap %d MB, %d cores%n", n, n / 10, sendMillis,
                jdbcUrl.isBlank() ? "H2 file database" : jdbcUrl, Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        CountingChannel mail = new CountingChannel(sendMillis, warningTarget);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GongkaiApplication.class)
                .initializers(c -> ((GenericApplicationContext) c).registerBean("benchEmailChannel", Channel.class,
                        () -> mail))
                .run(appArgs.toArray(String[]::new))) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            Regions regions = app.getBean(Regions.class);
            Outbox outbox = app.getBean(Outbox.class);

            long t0 = System.nanoTime();
            int[] counts = insertSubscriptions(app.getBean(DataSource.class), regions, n);
            double insertSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("inserted %,d addresses, %,d subscriptions (%,d matching), %,d filters in %.1f s "
                    + "(%,.0f rows/s)%n", counts[0], counts[1], n, counts[2], insertSeconds,
                    (counts[0] + counts[1] + counts[2]) / insertSeconds);
            Set<String> concerned = concerned(regions, COUNTY);
            String in = String.join(", ", concerned.stream().map(r -> "'" + r + "'").toList());
            long expected = jdbc.queryForObject("SELECT COUNT(DISTINCT address_id) FROM notify_subscription s "
                    + "WHERE status = 'ACTIVE' AND (any_domain OR EXISTS (SELECT 1 FROM notify_subscription_filter f "
                    + "WHERE f.subscription_id = s.id AND f.kind = 'domain' AND f.val = ?)) AND (any_item OR EXISTS "
                    + "(SELECT 1 FROM notify_subscription_filter f WHERE f.subscription_id = s.id AND f.kind = 'item' "
                    + "AND f.val = ?)) AND (any_region OR EXISTS (SELECT 1 FROM notify_subscription_filter f WHERE "
                    + "f.subscription_id = s.id AND f.kind = 'region' AND f.val IN (" + in + ")))", Long.class,
                    DOMAIN, ITEM);
            System.out.printf("addresses the record should reach (counted apart): %,d%n", expected);
            heap();

            // (a) A record matching all of them, as PushListeners composes one.
            String url = "https://gongkai.example/records/bench-0001";
            long recordStart = System.nanoTime();
            long recordId = outbox.post(new MessageDraft("record:bench-0001:1:PUBLISH", MessageKinds.RECORD_PUBLISHED,
                    MessageDraft.NORMAL, MessageDraft.Audience.SUBSCRIBERS, "ycsmzj", DOMAIN, ITEM, concerned,
                    "【发布】2026年第四季度城乡低保对象名单（示例数据）", "宜春市民政局于2026年12月7日发布《2026年第四季度城乡低保对象名单》"
                            + "（社会救助和社会福利，袁州区）。\n查看：" + url + "\n—— 宜春市政府信息公开平台", url,
                    Map.of("title", "2026年第四季度城乡低保对象名单", "org", "宜春市民政局", "date", "2026年12月7日",
                            "url", url))).id();
            long lastReport = System.nanoTime();
            while (!"DONE".equals(jdbc.queryForObject("SELECT fanout_status FROM notify_message WHERE id = ?",
                    String.class, recordId))) {
                Thread.sleep(50);
                heap();
                if (System.nanoTime() - lastReport > 5_000_000_000L) {
                    lastReport = System.nanoTime();
                    System.out.printf("  %.0f s: fan-out at subscription %,d, %,d sent%n",
                            (lastReport - recordStart) / 1e9, jdbc.queryForObject("SELECT fanout_cursor FROM "
                                    + "notify_message WHERE id = ?", Long.class, recordId), mail.records.get());
                }
            }
            double fanoutSeconds = (System.nanoTime() - recordStart) / 1e9;
            long queued = queued(jdbc, recordId);
            long sentDuringFanout = mail.records.get();
            System.out.printf("(a) record fan-out: %,d deliveries queued (as %,d batches) in %.1f s (%,.0f/s; %,d "
                    + "already sent meanwhile)%s%n", queued, jdbc.queryForObject("SELECT COUNT(*) FROM notify_batch "
                            + "WHERE message_id = ?", Long.class, recordId), fanoutSeconds, queued / fanoutSeconds,
                    sentDuringFanout, queued == expected ? ""
                            : " -- " + (queued - expected) + " more than addresses: addresses whose subscriptions "
                                    + "fall in two ranges, one delivery each all the same (the unique key)");
            heap();

            // (b) A warning behind that backlog, on the priority lane, as PushListeners composes one.
            Thread.sleep(warningDelay * 1000);
            long backlogBefore = unsent(jdbc, recordId);
            String warningUrl = "https://gongkai.example/warnings/bench-1";
            long warningStart = System.nanoTime();
            long warningId = outbox.post(new MessageDraft("warning:bench-1", MessageKinds.WARNING,
                    MessageDraft.PRIORITY, MessageDraft.Audience.SUBSCRIBERS, null, null, null, concerned,
                    "【预警】暴雨红色预警", "宜春市气象台发布暴雨红色预警：袁州区未来3小时降雨量将达100毫米以上（示例数据）。影响地区：袁州区。"
                            + "\n详情：" + warningUrl + "\n—— 宜春市政府信息公开平台", warningUrl,
                    Map.of("headline", "袁州区未来3小时降雨量将达100毫米以上", "level", "红色预警", "areas", "袁州区",
                            "url", warningUrl))).id();
            System.out.printf("(b) warning posted %d s after the record's fan-out ended, %,d of the record's "
                    + "deliveries unsent%n", warningDelay, backlogBefore);
            long deadline = System.nanoTime() + 600_000_000_000L;
            while (mail.targetReachedAt.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
                heap();
            }
            if (mail.targetReachedAt.get() == 0) {
                System.out.printf("(b) the warning did not reach %,d subscribers within 10 minutes (%,d sent)%n",
                        warningTarget, mail.warnings.get());
            } else {
                long unsentThen = queued - mail.recordsAtTarget.get();
                long unsentNow = unsent(jdbc, recordId);
                System.out.printf("(b) warning: first delivery sent %.2f s after posting, %,d sent %.1f s after "
                        + "posting; the record's deliveries then still unsent: %,d (channel count; %,d in the "
                        + "database a moment later)%n", (mail.firstWarningAt.get() - warningStart) / 1e9,
                        warningTarget, (mail.targetReachedAt.get() - warningStart) / 1e9, unsentThen, unsentNow);
            }
            while (!"DONE".equals(jdbc.queryForObject("SELECT fanout_status FROM notify_message WHERE id = ?",
                    String.class, warningId))) {
                Thread.sleep(50);
            }
            long warningQueued = queued(jdbc, warningId);
            System.out.printf("(b) warning fan-out: %,d deliveries queued in %.1f s%n", warningQueued,
                    (System.nanoTime() - warningStart) / 1e9);
            while (mail.warnings.get() < warningQueued && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            System.out.printf("(b) all %,d warning deliveries sent %.1f s after posting; the record's deliveries "
                    + "still unsent: %,d%n", mail.warnings.get(), (System.nanoTime() - warningStart) / 1e9,
                    unsent(jdbc, recordId));

            // The normal lane's pace once the warning is out of its way.
            long r0 = mail.records.get();
            long s0 = System.nanoTime();
            Thread.sleep(20_000);
            double rate = (mail.records.get() - r0) / ((System.nanoTime() - s0) / 1e9);
            long left = unsent(jdbc, recordId);
            System.out.printf("record deliveries sent at %,.0f/s on the normal lane; %,d left (about %.0f s more)%n",
                    rate, left, left / Math.max(rate, 1));
            if (drain) {
                long d0 = System.nanoTime();
                while (unsent(jdbc, recordId) > 0) {
                    Thread.sleep(1000);
                    heap();
                }
                System.out.printf("backlog drained %.0f s later; whole record sent %.0f s after posting%n",
                        (System.nanoTime() - d0) / 1e9, (System.nanoTime() - recordStart) / 1e9);
                System.out.printf("record deliveries: %,d rows for %,d addresses (expected %,d); the channel was "
                        + "given %,d%n", jdbc.queryForObject("SELECT COUNT(*) FROM notify_delivery WHERE message_id = ?",
                                Long.class, recordId), jdbc.queryForObject("SELECT COUNT(DISTINCT recipient_key) FROM "
                                        + "notify_delivery WHERE message_id = ?", Long.class, recordId), expected,
                        mail.records.get());
            }
            heap();
            System.out.printf("heap used: now %,d MB, highest seen %,d MB (max %,d MB)%n",
                    MEMORY.getHeapMemoryUsage().getUsed() >> 20, heapPeak >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
            if (jdbcUrl.isBlank()) {
                System.out.printf("database size: %,.0f MB%n", size(data.resolve("db")) / 1048576.0);
            }
        }
    }

    /** Deliveries of the message still to send: rows waiting or being sent, and subscriptions waiting in batches. */
    private static long unsent(JdbcTemplate jdbc, long messageId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM notify_delivery WHERE message_id = ? AND status IN "
                + "('QUEUED', 'SENDING')", Long.class, messageId) + jdbc.queryForObject("SELECT COALESCE(SUM(size), 0) "
                        + "FROM notify_batch WHERE message_id = ? AND status = 'QUEUED'", Long.class, messageId);
    }

    /** What the message's fan-out queued: the subscriptions in its batches (an address once a range). */
    private static long queued(JdbcTemplate jdbc, long messageId) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(size), 0) FROM notify_batch WHERE message_id = ?", Long.class,
                messageId);
    }

    /** What RegionScope makes of a message about one region: it, the regions above it and those below it. */
    private static Set<String> concerned(Regions regions, String code) {
        Set<String> result = new LinkedHashSet<>();
        regions.path(code).stream().map(Region::code).forEach(result::add);
        result.addAll(regions.selfAndDescendants(code));
        return result;
    }

    /**
     * N confirmed subscriptions that the record matches, in six shapes of filter (a township of the county, the
     * county, the field anywhere, any field in the city, the catalogue item, two fields and two counties), every 25th
     * a second subscription of the previous address; and N/10 that it does not (another field, another county, a
     * township of another county, unconfirmed), spread among them. Answers addresses, subscriptions, filters.
     */
    private static int[] insertSubscriptions(DataSource dataSource, Regions regions, int n) throws Exception {
        List<String> townships = regions.children(COUNTY).stream().map(Region::code).toList();
        List<String> otherTownships = regions.children(OTHER_COUNTY).stream().map(Region::code).toList();
        Timestamp now = Timestamp.from(Instant.now());
        int addresses = 0;
        int subscriptions = 0;
        int filters = 0;
        int matching = 0;
        int others = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement a = c.prepareStatement("INSERT INTO notify_address (id, channel, address, masked, "
                    + "bounces, created_at) VALUES (?, 'EMAIL', ?, ?, 0, ?)");
                    PreparedStatement s = c.prepareStatement("INSERT INTO notify_subscription (id, address_id, status, "
                            + "frequency, any_domain, any_region, any_item, any_org, token, confirm_attempts, "
                            + "created_at, confirmed_at) VALUES (?, ?, ?, 'IMMEDIATE', ?, ?, ?, TRUE, ?, 0, ?, ?)");
                    PreparedStatement f = c.prepareStatement("INSERT INTO notify_subscription_filter "
                            + "(subscription_id, kind, val) VALUES (?, ?, ?)")) {
                for (long k = 0; matching < n || others < n / 10; k++) {
                    boolean match = others >= n / 10 || (k % 11 != 10 && matching < n);
                    long id = ++subscriptions;
                    List<String[]> filter = new ArrayList<>();
                    String status = "ACTIVE";
                    if (match) {
                        int shape = matching % 10;
                        if (shape <= 3) {
                            filter.add(new String[] {"domain", DOMAIN});
                            filter.add(new String[] {"region", townships.get(matching % townships.size())});
                        } else if (shape <= 5) {
                            filter.add(new String[] {"domain", DOMAIN});
                            filter.add(new String[] {"region", COUNTY});
                        } else if (shape == 6) {
                            filter.add(new String[] {"domain", DOMAIN});
                        } else if (shape == 7) {
                            filter.add(new String[] {"region", CITY});
                        } else if (shape == 8) {
                            filter.add(new String[] {"item", ITEM});
                            filter.add(new String[] {"region", townships.get(matching % townships.size())});
                        } else {
                            filter.add(new String[] {"domain", DOMAIN});
                            filter.add(new String[] {"domain", "education"});
                            filter.add(new String[] {"region", COUNTY});
                            filter.add(new String[] {"region", OTHER_COUNTY});
                        }
                        matching++;
                    } else {
                        int shape = others % 4;
                        if (shape == 0) {
                            filter.add(new String[] {"domain", "education"});
                            filter.add(new String[] {"region", COUNTY});
                        } else if (shape == 1) {
                            filter.add(new String[] {"domain", DOMAIN});
                            filter.add(new String[] {"region", OTHER_COUNTY});
                        } else if (shape == 2) {
                            filter.add(new String[] {"domain", DOMAIN});
                            filter.add(new String[] {"region", otherTownships.get(others % otherTownships.size())});
                        } else {
                            filter.add(new String[] {"domain", DOMAIN});
                            status = "PENDING";
                        }
                        others++;
                    }
                    long addressId;
                    if (match && matching % 25 == 0) {
                        addressId = addresses;
                    } else {
                        addressId = ++addresses;
                        a.setLong(1, addressId);
                        a.setString(2, "u" + addressId + "@bench.example");
                        a.setString(3, "u***@bench.example");
                        a.setTimestamp(4, now);
                        a.addBatch();
                    }
                    s.setLong(1, id);
                    s.setLong(2, addressId);
                    s.setString(3, status);
                    s.setBoolean(4, filter.stream().noneMatch(x -> x[0].equals("domain")));
                    s.setBoolean(5, filter.stream().noneMatch(x -> x[0].equals("region")));
                    s.setBoolean(6, filter.stream().noneMatch(x -> x[0].equals("item")));
                    s.setString(7, "bench-" + id);
                    s.setTimestamp(8, now);
                    s.setTimestamp(9, "ACTIVE".equals(status) ? now : null);
                    s.addBatch();
                    for (String[] x : filter) {
                        f.setLong(1, id);
                        f.setString(2, x[0]);
                        f.setString(3, x[1]);
                        f.addBatch();
                        filters++;
                    }
                    if (subscriptions % 5000 == 0) {
                        a.executeBatch();
                        s.executeBatch();
                        f.executeBatch();
                        c.commit();
                        heap();
                        if (subscriptions % 100_000 == 0) {
                            System.out.printf("  %,d subscriptions inserted%n", subscriptions);
                        }
                    }
                }
                a.executeBatch();
                s.executeBatch();
                f.executeBatch();
            }
            try (var st = c.createStatement()) {
                // The rows above chose their ids; the platform's own inserts continue after them.
                st.execute("ALTER TABLE notify_address ALTER COLUMN id RESTART WITH " + (addresses + 1));
                st.execute("ALTER TABLE notify_subscription ALTER COLUMN id RESTART WITH " + (subscriptions + 1));
            }
            c.commit();
        }
        return new int[] {addresses, subscriptions, filters};
    }

    private static void heap() {
        heapPeak = Math.max(heapPeak, MEMORY.getHeapMemoryUsage().getUsed());
    }

    /** The e-mail channel of the benchmark: counts what it is given, after a pause like a provider's if asked. */
    static final class CountingChannel implements Channel {

        final AtomicLong records = new AtomicLong();
        final AtomicLong warnings = new AtomicLong();
        final AtomicLong recordsAtTarget = new AtomicLong();
        final AtomicLong firstWarningAt = new AtomicLong();
        final AtomicLong targetReachedAt = new AtomicLong();
        private final long sleepMillis;
        private final int target;

        CountingChannel(long sleepMillis, int target) {
            this.sleepMillis = sleepMillis;
            this.target = target;
        }

        @Override
        public ChannelKind kind() {
            return ChannelKind.EMAIL;
        }

        @Override
        public boolean configured() {
            return true;
        }

        @Override
        public SendOutcome send(Outgoing message) {
            if (sleepMillis > 0) {
                try {
                    Thread.sleep(sleepMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return SendOutcome.retry("interrupted");
                }
            }
            if (MessageKinds.WARNING.equals(message.kind())) {
                long sent = warnings.incrementAndGet();
                if (sent == 1) {
                    firstWarningAt.set(System.nanoTime());
                }
                if (sent == target) {
                    recordsAtTarget.set(records.get());
                    targetReachedAt.set(System.nanoTime());
                }
            } else {
                records.incrementAndGet();
            }
            return SendOutcome.sent();
        }
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
