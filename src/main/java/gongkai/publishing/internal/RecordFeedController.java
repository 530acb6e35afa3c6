package gongkai.publishing.internal;

import java.nio.charset.StandardCharsets;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

import gongkai.publishing.RecordFilter;
import gongkai.publishing.RecordSummary;
import gongkai.publishing.Records;
import gongkai.shared.PublicAddress;
import gongkai.shared.UnsafeCharacters;

/**
 * {@code /feeds/records.atom}: Atom 1.0 of the latest published records open to everyone, filtered by domain,
 * organisation or region. Targeted records never appear; withdrawn ones drop out.
 */
@RestController
class RecordFeedController {

    private static final int ENTRIES = 50;

    private final Records records;
    private final PublicAddress site;

    RecordFeedController(Records records, PublicAddress site) {
        this.records = records;
        this.site = site;
    }

    @GetMapping("/feeds/records.atom")
    ResponseEntity<String> feed(@RequestParam(required = false) String domain,
            @RequestParam(required = false) String org, @RequestParam(required = false) String region)
            throws FeedException {
        // Feed readers keep these links: they name the configured address, never the request's Host header.
        String base = site.base();
        List<RecordSummary> latest = records.published(new RecordFilter(domain, org, region, null, null, null), 0,
                ENTRIES).getContent();
        Feed feed = new Feed("atom_1.0");
        feed.setId(base + "/feeds/records.atom" + query(domain, org, region));
        feed.setTitle("宜春市社会公益事业建设领域政府信息公开");
        feed.setUpdated(latest.isEmpty() ? new Date(0) : Date.from(latest.get(0).publishedAt()));
        Link self = new Link();
        self.setRel("self");
        self.setHref(feed.getId());
        Link alternate = new Link();
        alternate.setRel("alternate");
        alternate.setHref(base + "/records");
        feed.setOtherLinks(List.of(self));
        feed.setAlternateLinks(List.of(alternate));
        Person author = new Person();
        author.setName("宜春市人民政府办公室");
        feed.setAuthors(List.of(author));
        List<Entry> entries = new ArrayList<>();
        for (RecordSummary r : latest) {
            String url = base + "/records/" + UriUtils.encodePathSegment(r.ref(), StandardCharsets.UTF_8);
            Entry e = new Entry();
            e.setId(xml("urn:gongkai:record:" + r.indexNo()));
            e.setTitle(xml(r.title() + (r.demo() ? "（示例数据）" : "")));
            e.setUpdated(Date.from(r.publishedAt()));
            e.setPublished(Date.from(r.publishedAt()));
            Link link = new Link();
            link.setHref(url);
            link.setRel("alternate");
            e.setAlternateLinks(List.of(link));
            Person publisher = new Person();
            publisher.setName(xml(r.publisher()));
            e.setAuthors(List.of(publisher));
            Content summary = new Content();
            summary.setType("text");
            summary.setValue(xml(r.itemName() + " · " + r.regionName() + " · 索引号 " + r.indexNo()));
            e.setSummary(summary);
            entries.add(e);
        }
        feed.setEntries(entries);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .body(new WireFeedOutput().outputString(feed));
    }

    /**
     * Text as XML 1.0 can carry it: records stored before input was checked may hold control characters or unpaired
     * surrogates, and one of them would otherwise fail the whole feed for everyone.
     */
    private static String xml(String text) {
        return UnsafeCharacters.strip(text);
    }

    private static String query(String domain, String org, String region) {
        StringBuilder q = new StringBuilder();
        append(q, "domain", domain);
        append(q, "org", org);
        append(q, "region", region);
        return q.toString();
    }

    private static void append(StringBuilder q, String name, String value) {
        if (value != null && !value.isBlank()) {
            q.append(q.isEmpty() ? '?' : '&').append(name).append('=')
                    .append(UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8));
        }
    }
}
