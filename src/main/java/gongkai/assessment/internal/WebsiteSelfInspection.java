package gongkai.assessment.internal;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import gongkai.org.Organisation;

/**
 * Runs the link check of every responsible body's pages once a day on one node (claimed in the database), through
 * this node's own HTTP port, and keeps the result for the assessment's website indicator. It runs only where a web
 * server listens; the city office can also start it from the assessment page.
 */
@Component
public class WebsiteSelfInspection {

    private static final Logger log = LoggerFactory.getLogger(WebsiteSelfInspection.class);
    private static final String JOB = "website-check";

    private final ResponsibleBodies bodies;
    private final LinkCheckResults results;
    private final ObligationFlagRepository jobs;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int maxPages;
    private final String contextPath;
    private volatile Integer port;

    WebsiteSelfInspection(ResponsibleBodies bodies, LinkCheckResults results, ObligationFlagRepository jobs,
            TransactionTemplate tx, Clock clock,
            @Value("${gongkai.assessment.link-check.max-pages:200}") int maxPages,
            @Value("${server.servlet.context-path:}") String contextPath) {
        this.bodies = bodies;
        this.results = results;
        this.jobs = jobs;
        this.tx = tx;
        this.clock = clock;
        this.maxPages = maxPages;
        this.contextPath = contextPath;
    }

    @EventListener
    void serverUp(WebServerInitializedEvent e) {
        this.port = e.getWebServer().getPort();
    }

    /** Whether this node can check: its web server listens. */
    public boolean available() {
        return port != null && port > 0;
    }

    @SchedulerLock(name = "assessment.website-self-inspection", lockAtMostFor = "PT3H", lockAtLeastFor = "PT5M")
    @Scheduled(cron = "${gongkai.assessment.link-check.cron:0 0 2 * * *}", zone = "Asia/Shanghai")
    void nightly() {
        LocalDate today = LocalDate.now(clock);
        if (available() && Boolean.TRUE.equals(tx.execute(s -> jobs.claim(JOB, today) == 1))) {
            runNow();
        }
    }

    /** Checks every body now; the number of broken links found. */
    public int runNow() {
        if (!available()) {
            throw new IllegalStateException("No web server listens on this node");
        }
        WebsiteLinkCheck check = new WebsiteLinkCheck("http://127.0.0.1:" + port + contextPath, maxPages);
        LocalDate today = LocalDate.now(clock);
        int broken = 0;
        for (Organisation o : bodies.all().keySet()) {
            try {
                WebsiteLinkCheck.Result r = check.check(o.code());
                if (r.pages() == 0) {
                    // The node could not read its own pages: nothing was checked, so nothing is recorded.
                    log.warn("Website self-inspection could not read the pages of {}", o.code());
                    continue;
                }
                results.replace(o.code(), r.pages(), r.broken(), today);
                broken += r.broken().size();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return broken;
            }
        }
        log.info("Website self-inspection of {}: {} broken links", today, broken);
        return broken;
    }
}
