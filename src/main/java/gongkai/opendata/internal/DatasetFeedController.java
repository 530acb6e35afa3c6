package gongkai.opendata.internal;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

import gongkai.opendata.Dataset;
import gongkai.opendata.DatasetChange;
import gongkai.opendata.Datasets;
import gongkai.shared.AtomFeed;
import gongkai.shared.PublicAddress;

/**
 * Atom change feeds of the datasets: {@code /data/{name}/changes.atom} for one, {@code /data/changes.atom} for all.
 * An entry is a record's rows entering (新增), being replaced (更正) or leaving (撤回) a dataset; it links to the record
 * and to the dataset. A dataset whose records were all withdrawn keeps its feed, which says so.
 */
@RestController
class DatasetFeedController {

    private static final int ENTRIES = 50;
    private static final String CITY = "宜春市人民政府办公室";

    private final Datasets datasets;
    private final PublicAddress site;

    DatasetFeedController(Datasets datasets, PublicAddress site) {
        this.datasets = datasets;
        this.site = site;
    }

    @GetMapping("/data/{name}/changes.atom")
    ResponseEntity<String> dataset(@PathVariable String name) {
        Dataset d = datasets.require(name);
        String base = site.base();
        List<AtomFeed.Item> items = datasets.changes(d, ENTRIES).stream().map(c -> item(c, d, base)).toList();
        return AtomFeed.response(base + d.path() + "/changes.atom", title(d) + " · 数据变更", d.orgName(),
                base + d.path(), items);
    }

    @GetMapping("/data/changes.atom")
    ResponseEntity<String> all() {
        String base = site.base();
        Map<String, Dataset> byName = new HashMap<>();
        datasets.all().forEach(d -> byName.put(d.name(), d));
        List<AtomFeed.Item> items = datasets.changes(ENTRIES).stream().map(c -> {
            // A dataset emptied by withdrawals is not among all(); its entries still name it.
            Dataset d = byName.computeIfAbsent(c.datasetName(), n -> datasets.find(n).orElse(null));
            return item(c, d, base);
        }).toList();
        return AtomFeed.response(base + "/data/changes.atom", "宜春市开放数据 · 数据变更", CITY, base + "/data", items);
    }

    private static AtomFeed.Item item(DatasetChange c, Dataset d, String base) {
        String dataset = d == null ? c.datasetName() : title(d);
        String record = base + "/records/" + UriUtils.encodePathSegment(c.indexNo(), StandardCharsets.UTF_8);
        String summary = c.kind() == DatasetChange.Kind.WITHDRAWN
                ? "信息已撤回，其数据行已从数据集“" + dataset + "”移出。索引号 " + c.indexNo() + "。"
                : "数据集“" + dataset + "”" + (c.kind() == DatasetChange.Kind.PUBLISHED ? "新增" : "更正为")
                        + "该信息第 " + c.version() + " 版的 " + c.rows() + " 行。索引号 " + c.indexNo() + "。";
        return new AtomFeed.Item("urn:gongkai:dataset-change:" + c.id(), c.kind().label() + "：" + c.recordTitle(),
                c.at(), Optional.ofNullable(d).map(Dataset::orgName).orElse(CITY), summary,
                List.of(new AtomFeed.FeedLink("alternate", "text/html", record),
                        new AtomFeed.FeedLink("related", "text/html", base + "/data/" + c.datasetName())));
    }

    private static String title(Dataset d) {
        return d.title() + (d.demo() ? "（示例数据）" : "");
    }
}
