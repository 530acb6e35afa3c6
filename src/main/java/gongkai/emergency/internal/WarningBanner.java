package gongkai.emergency.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import gongkai.emergency.Warning;
import gongkai.emergency.Warnings;
import gongkai.org.Organisations;
import gongkai.publishing.Records;
import gongkai.region.Region;
import gongkai.region.Regions;

/**
 * The warnings in force on every public page ({@code warningBanner}, shown by the layout): on a region's page, those
 * covering the region, a region above it or one below it; on an organisation's pages, those of its region; on a
 * record's page, those of the record's region; on every other page (and a record without a known region), all in
 * force in the city. The list in force is read at most every few seconds
 * ({@code gongkai.emergency.banner-refresh}, and again as soon as a warning starts or ends), so a page costs no query
 * while nothing is in force; {@link WarningBoundaries} drops the kept pages when the list changes.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class WarningBanner {

    private final Snapshot snapshot;
    private final Regions regions;
    private final Organisations organisations;
    private final Records records;

    WarningBanner(Snapshot snapshot, Regions regions, Organisations organisations, Records records) {
        this.snapshot = snapshot;
        this.regions = regions;
        this.organisations = organisations;
        this.records = records;
    }

    @ModelAttribute("warningBanner")
    List<Warning> warningBanner(HttpServletRequest request) {
        List<Warning> all = snapshot.inForce();
        if (all.isEmpty()) {
            return all;
        }
        String region = regionOfPage(request);
        if (region == null || regions.find(region).isEmpty()) {
            return all;
        }
        return concerning(all, region);
    }

    /**
     * The region a page is about, or null: a region's page, an organisation's pages (its region), a record's page
     * (the region of its published version, read alone; the index number holds a '/', so the record may be addressed
     * as {@code /records/ycsmzj%2F2026-00001} or {@code /records/ycsmzj/2026-00001}).
     */
    private String regionOfPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String[] parts = path.split("/");
        if (parts.length < 3) {
            return null;
        }
        if ("regions".equals(parts[1])) {
            return parts[2];
        }
        if ("orgs".equals(parts[1])) {
            return organisations.find(parts[2]).map(o -> o.regionCode()).orElse(null);
        }
        if ("records".equals(parts[1]) && parts.length <= 4) {
            try {
                String ref = URLDecoder.decode(parts.length == 3 ? parts[2] : parts[2] + "/" + parts[3],
                        StandardCharsets.UTF_8);
                return records.publicRegionOf(ref).orElse(null);
            } catch (IllegalArgumentException malformed) {
                return null;
            }
        }
        return null;
    }

    /** The warnings that concern a region: those covering it, a region above it or one below it. */
    private List<Warning> concerning(List<Warning> all, String region) {
        List<String> above = regions.path(region).stream().map(Region::code).toList();
        return all.stream().filter(w -> w.areas().stream().anyMatch(a -> above.contains(a.code())
                || regions.path(a.code()).stream().anyMatch(r -> r.code().equals(region)))).toList();
    }

    /** The list in force, kept briefly. */
    @Component
    static class Snapshot {

        private final Warnings warnings;
        private final Clock clock;
        private final Duration refresh;
        private volatile Kept kept;

        private record Kept(List<Warning> warnings, Instant readAt, Instant until) {
        }

        Snapshot(Warnings warnings, Clock clock,
                @Value("${gongkai.emergency.banner-refresh:10s}") Duration refresh) {
            this.warnings = warnings;
            this.clock = clock;
            this.refresh = refresh;
        }

        List<Warning> inForce() {
            Instant now = clock.instant();
            Kept k = kept;
            if (k == null || now.isBefore(k.readAt) || !now.isBefore(k.until)) {
                Instant until = now.plus(refresh);
                Instant next = warnings.nextChange();
                if (next != null && next.isBefore(until)) {
                    until = next;
                }
                k = new Kept(warnings.inForce(), now, until);
                kept = k;
            }
            return k.warnings;
        }

        /** Forgets the kept list: a warning was published, updated or lifted. */
        void forget() {
            kept = null;
        }
    }
}
