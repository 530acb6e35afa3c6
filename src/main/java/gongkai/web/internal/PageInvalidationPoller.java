package gongkai.web.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import gongkai.shared.PublicPagesChanged;

/**
 * Reads, on its own thread every {@code poll-interval}, the rows other nodes (and this one) appended to
 * {@link PageInvalidationLog} since the last it saw, and drops the pages they name; deletes rows older than
 * {@code retention} once a minute. After each successful read it lets {@link PageCache} serve for
 * {@code stale-after} more: a node that cannot read the table stops serving kept pages, and starts afresh once it can.
 *
 * <p>Ids are given out when a row is inserted, just before its transaction commits, so a row may become visible
 * after one with a higher id. An id skipped over is therefore looked for again until it appears or a minute has
 * passed (a rolled-back transaction leaves its id unused for ever).
 */
final class PageInvalidationPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PageInvalidationPoller.class);
    private static final long GAP_WAIT = TimeUnit.MINUTES.toNanos(1);
    private static final long PRUNE_EVERY = TimeUnit.MINUTES.toNanos(1);
    /** More ids skipped at once than this: something unusual happened; drop everything rather than track them. */
    private static final int MAX_GAPS = 10_000;

    private final PageInvalidationLog table;
    private final PageCache cache;
    private final Duration interval;
    private final long staleAfter;
    private final Duration retention;
    /** Ids this node appended and already applied, so that reading them back drops nothing twice. */
    private final Set<Long> appliedHere = ConcurrentHashMap.newKeySet();
    /** Ids skipped over, with when they were first missed. Used by the polling thread only. */
    private final Map<Long, Long> gaps = new HashMap<>();
    private long high;
    private boolean read;
    private long lastRead;
    private long lastPrune;
    private boolean warned;
    private long lastWarning;
    private volatile ScheduledExecutorService executor;

    PageInvalidationPoller(PageInvalidationLog table, PageCache cache, Duration interval, Duration staleAfter,
            Duration retention) {
        this.table = table;
        this.cache = cache;
        this.interval = interval;
        this.staleAfter = staleAfter.toNanos();
        this.retention = retention;
    }

    /** A row this node appended and has applied already. */
    void appliedHere(long id) {
        appliedHere.add(id);
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "page-cache-poller");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::pollQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService e = executor;
        if (e != null) {
            e.shutdownNow();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            long now = System.nanoTime();
            if (!warned || now - lastWarning > TimeUnit.MINUTES.toNanos(1)) {
                warned = true;
                lastWarning = now;
                log.warn("Cannot read the page invalidations; public pages are rendered afresh until it can: {}",
                        e.toString());
            }
        }
    }

    /** One read of the table; on the polling thread (tests call it directly). */
    synchronized void poll() {
        long now = System.nanoTime();
        if (!read) {
            // Everything before this node's first read is in no page it has: start from the newest row.
            high = table.maxId();
            lastPrune = now - PRUNE_EVERY - 1;
        }
        long floor = high;
        for (long gap : gaps.keySet()) {
            floor = Math.min(floor, gap - 1);
        }
        Set<String> tags = new LinkedHashSet<>();
        for (PageInvalidationLog.Row row : table.after(floor)) {
            if (row.id() > high) {
                if (row.id() - high - 1 > MAX_GAPS) {
                    tags.add(PublicPagesChanged.EVERYTHING);
                } else {
                    for (long skipped = high + 1; skipped < row.id(); skipped++) {
                        gaps.put(skipped, now);
                    }
                }
                high = row.id();
            } else if (gaps.remove(row.id()) == null) {
                continue;
            }
            if (!appliedHere.remove(row.id())) {
                tags.addAll(row.tags());
            }
        }
        gaps.values().removeIf(since -> now - since > GAP_WAIT);
        appliedHere.removeIf(id -> id <= high && !gaps.containsKey(id));
        if (read && now - lastRead > staleAfter) {
            // The cache stopped serving meanwhile; what it holds may predate rows already deleted.
            tags.add(PublicPagesChanged.EVERYTHING);
        }
        cache.invalidate(tags);
        read = true;
        lastRead = now;
        cache.freshUntil(now + staleAfter);
        if (now - lastPrune > PRUNE_EVERY) {
            lastPrune = now;
            table.deleteBefore(Instant.now().minus(retention));
        }
    }
}
