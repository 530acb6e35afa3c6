package gongkai.publishing.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

import gongkai.publishing.RecordFilter;
import gongkai.publishing.RecordSummary;
import gongkai.publishing.Records;
import gongkai.shared.AtomFeed;
import gongkai.shared.PublicAddress;

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
            @RequestParam(required = false) String org, @RequestParam(required = false) String region) {
        // Feed readers keep these links: they name the configured address, never the request's Host header.
        String base = site.base();
        List<RecordSummary> latest = records.published(new RecordFilter(domain, org, region, null, null, null), 0,
                ENTRIES).getContent();
        List<AtomFeed.Item> items = latest.stream().map(r -> new AtomFeed.Item("urn:gongkai:record:" + r.indexNo(),
                r.title() + (r.demo() ? "（示例数据）" : ""), r.publishedAt(), r.publisher(),
                r.itemName() + " · " + r.regionName() + " · 索引号 " + r.indexNo(),
                List.of(new AtomFeed.FeedLink("alternate", null, base + "/records/"
                        + UriUtils.encodePathSegment(r.ref(), StandardCharsets.UTF_8))))).toList();
        return AtomFeed.response(base + "/feeds/records.atom" + query(domain, org, region),
                "宜春市社会公益事业建设领域政府信息公开", "宜春市人民政府办公室", base + "/records", items);
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
