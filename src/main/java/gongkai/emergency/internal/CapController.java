package gongkai.emergency.internal;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import gongkai.emergency.CapAlerts;
import gongkai.emergency.Warning;
import gongkai.emergency.Warnings;
import gongkai.shared.PublicAddress;
import gongkai.shared.UnsafeCharacters;

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
    ResponseEntity<String> feed() throws FeedException {
        List<Warning> latest = warnings.messages(0, ENTRIES);
        Feed feed = new Feed("atom_1.0");
        feed.setId(site.link("/cap/alerts.atom"));
        feed.setTitle("宜春市预警信息");
        feed.setUpdated(latest.isEmpty() ? new Date(0) : Date.from(latest.get(0).issuedAt()));
        Link self = new Link();
        self.setRel("self");
        self.setHref(feed.getId());
        Link alternate = new Link();
        alternate.setRel("alternate");
        alternate.setType("text/html");
        alternate.setHref(site.link("/warnings"));
        feed.setOtherLinks(List.of(self));
        feed.setAlternateLinks(List.of(alternate));
        Person author = new Person();
        author.setName("宜春市人民政府");
        feed.setAuthors(List.of(author));
        List<Entry> entries = new ArrayList<>();
        for (Warning w : latest) {
            Entry e = new Entry();
            e.setId(cap.identifier(w));
            e.setTitle(xml(w.headline() + (w.demo() ? "（示例数据）" : "")));
            e.setUpdated(Date.from(w.issuedAt()));
            e.setPublished(Date.from(w.issuedAt()));
            Link capLink = new Link();
            capLink.setRel("alternate");
            capLink.setType(CapAlerts.MEDIA_TYPE);
            capLink.setHref(cap.xmlLink(w));
            Link page = new Link();
            page.setRel("related");
            page.setType("text/html");
            page.setHref(site.link(w.path()));
            e.setAlternateLinks(List.of(capLink));
            e.setOtherLinks(List.of(page));
            Person issuer = new Person();
            issuer.setName(xml(w.issuerName()));
            e.setAuthors(List.of(issuer));
            Content summary = new Content();
            summary.setType("text");
            summary.setValue(xml(w.msgType().label() + " · " + w.shortLabel() + " · " + w.areaNames()));
            e.setSummary(summary);
            entries.add(e);
        }
        feed.setEntries(entries);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .body(new WireFeedOutput().outputString(feed));
    }

    private static String xml(String text) {
        return UnsafeCharacters.strip(text);
    }
}
