package gongkai.emergency.internal;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import gongkai.emergency.CapAlerts;
import gongkai.emergency.Warnings;
import gongkai.shared.AtomFeed;
import gongkai.shared.PublicAddress;

/**
 * The warnings as CAP 1.2: {@code /cap/alerts/{id}.xml}, one message; {@code /cap/alerts.atom}, the latest messages,
 * newest first, each entry linking to its CAP document as the feed of records links to its pages.
 */
@RestController
class CapController {

    private static final int ENTRIES = 50;

    private final Warnings warnings;
    private final CapAlerts cap;
    private final PublicAddress site;

    CapController(Warnings warnings, CapAlerts cap, PublicAddress site) {
        this.warnings = warnings;
        this.cap = cap;
        this.site = site;
    }

    @GetMapping("/cap/alerts/{id}.xml")
    ResponseEntity<String> alert(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(CapAlerts.MEDIA_TYPE + ";charset=UTF-8"))
                .body(cap.xml(id));
    }

    @GetMapping("/cap/alerts.atom")
    ResponseEntity<String> feed() {
        List<AtomFeed.Item> items = warnings.messages(0, ENTRIES).stream().map(w -> new AtomFeed.Item(
                cap.identifier(w), w.headline() + (w.demo() ? "（示例数据）" : ""), w.issuedAt(), w.issuerName(),
                w.msgType().label() + " · " + w.shortLabel() + " · " + w.areaNames(),
                List.of(new AtomFeed.FeedLink("alternate", CapAlerts.MEDIA_TYPE, cap.xmlLink(w)),
                        new AtomFeed.FeedLink("related", "text/html", site.link(w.path()))))).toList();
        return AtomFeed.response(site.link("/cap/alerts.atom"), "宜春市预警信息", "宜春市人民政府", site.link("/warnings"),
                items);
    }
}
