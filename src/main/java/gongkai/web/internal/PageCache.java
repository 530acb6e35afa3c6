package gongkai.web.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import gongkai.shared.PublicPagesChanged;

/**
 * Rendered public pages, kept in this node's memory until something they show changes. Each page is kept as
 * rendered and gzip-compressed, with a strong ETag from its content, so a visitor costs a map lookup and a write.
 * Each page carries tags naming what it shows (see {@link PublicPagesChanged}); {@link #invalidate} drops the pages
 * carrying any of the given tags.
 *
 * <p>Reads take no lock. Storing and dropping share one lock and a generation counter: a page rendered while a
 * change was being dropped is not stored, since it may show the state before the change. The size is bounded in
 * bytes; when full, the least recently read pages go. The node serves nothing from here while it cannot read the
 * changes other nodes make ({@link #freshUntil}).
 */
final class PageCache {

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private final long maxBytes;
    private final long timeToLiveNanos;
    private volatile long generation;
    private volatile long freshUntil = System.nanoTime();
    private long bytes;
    /** Served from here, and rendered for want of a kept page: counted here, as a hit is cheaper than a timer. */
    final LongAdder hits = new LongAdder();
    final LongAdder misses = new LongAdder();

    PageCache(long maxBytes, long timeToLiveNanos) {
        this.maxBytes = maxBytes;
        this.timeToLiveNanos = timeToLiveNanos;
    }

    /** The kept page, or null when there is none, it is too old, or changes could not be read lately. */
    Page get(String key) {
        long now = System.nanoTime();
        Page page = now - freshUntil > 0 ? null : pages.get(key);
        if (page == null || now - page.storedAt > timeToLiveNanos) {
            misses.increment();
            return null;
        }
        page.lastRead = now;
        hits.increment();
        return page;
    }

    /** To be read before rendering a page and passed to {@link #put}. */
    long generation() {
        return generation;
    }

    /**
     * Keeps a page rendered after {@code generation} was read, unless something was dropped since: the rendering
     * may then show the state before that change.
     */
    boolean put(String key, Page page, long generation) {
        if (page.cost() > maxBytes / 8) {
            return false;
        }
        synchronized (lock) {
            if (this.generation != generation || System.nanoTime() - freshUntil > 0) {
                return false;
            }
            Page old = pages.put(key, page);
            bytes += page.cost() - (old == null ? 0 : old.cost());
            if (bytes > maxBytes) {
                evict();
            }
            return true;
        }
    }

    /** Drops every page carrying one of the tags ({@link PublicPagesChanged#EVERYTHING}: all of them). */
    void invalidate(Set<String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        synchronized (lock) {
            generation++;
            if (tags.contains(PublicPagesChanged.EVERYTHING)) {
                pages.clear();
                bytes = 0;
                return;
            }
            pages.values().removeIf(p -> {
                for (String tag : p.tags) {
                    if (tags.contains(tag)) {
                        bytes -= p.cost();
                        return true;
                    }
                }
                return false;
            });
        }
    }

    /** Serve from here until then ({@link System#nanoTime()}); the invalidation poller moves it on. */
    void freshUntil(long nanos) {
        freshUntil = nanos;
    }

    int size() {
        return pages.size();
    }

    long bytes() {
        synchronized (lock) {
            return bytes;
        }
    }

    /** Drops the least recently read pages down to nine tenths of the bound, so that not every store evicts. */
    private void evict() {
        List<Map.Entry<String, Page>> byAge = new ArrayList<>(pages.entrySet());
        byAge.sort(Comparator.comparingLong(e -> e.getValue().lastRead));
        long target = maxBytes / 10 * 9;
        for (Map.Entry<String, Page> e : byAge) {
            if (bytes <= target) {
                break;
            }
            if (pages.remove(e.getKey(), e.getValue())) {
                bytes -= e.getValue().cost();
            }
        }
    }

    /**
     * One rendered page and everything needed to answer for it without rendering: the bytes as rendered and
     * gzip-compressed, a strong ETag for each (from the content's SHA-256), the time it was rendered, its content
     * type and the other headers it was rendered with (security headers, content language).
     */
    static final class Page {

        final byte[] identity;
        final byte[] gzip;
        final String etag;
        final String gzipEtag;
        final long lastModified;
        final String lastModifiedHeader;
        final String contentType;
        final List<String[]> headers;
        final Set<String> tags;
        final long storedAt = System.nanoTime();
        long lastRead = storedAt;

        Page(byte[] identity, String contentType, List<String[]> headers, Set<String> tags, Instant renderedAt) {
            this.identity = identity;
            this.gzip = gzip(identity);
            String hash = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(identity)).substring(0, 27);
            this.etag = '"' + hash + '"';
            this.gzipEtag = '"' + hash + "-gz\"";
            this.lastModified = renderedAt.getEpochSecond() * 1000;
            this.lastModifiedHeader = HTTP_DATE.format(renderedAt);
            this.contentType = contentType;
            this.headers = List.copyOf(headers);
            this.tags = Set.copyOf(tags);
        }

        /** Memory it holds, roughly. */
        long cost() {
            return identity.length + gzip.length + 512L;
        }

        String text() {
            return new String(identity, StandardCharsets.UTF_8);
        }

        private static byte[] gzip(byte[] bytes) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
            // Compressed once, sent many times: the best compression is worth its time.
            try (GZIPOutputStream gz = new GZIPOutputStream(out) {
                {
                    def.setLevel(Deflater.BEST_COMPRESSION);
                }
            }) {
                gz.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }

        private static byte[] sha256(byte[] bytes) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(bytes);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
