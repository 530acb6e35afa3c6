package gongkai.opendata.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import gongkai.opendata.ColumnType;
import gongkai.opendata.Dataset;
import gongkai.opendata.DatasetChange;
import gongkai.opendata.DatasetPage;
import gongkai.opendata.DatasetQuery;
import gongkai.opendata.DatasetResource;
import gongkai.opendata.Datasets;
import gongkai.opendata.Licence;
import gongkai.shared.PublicAddress;

/**
 * {@code /api/v1/datasets}: the datasets as the platform's own JSON, beside the CKAN subset under {@code /api/3}. Open
 * to everyone.
 */
@RestController
@RequestMapping("/api/v1/datasets")
class DatasetApiController {

    private static final int PAGE_SIZE = 20;

    private final Datasets datasets;
    private final DatasetFilters filters;
    private final PublicAddress address;

    DatasetApiController(Datasets datasets, DatasetFilters filters, PublicAddress address) {
        this.datasets = datasets;
        this.filters = filters;
        this.address = address;
    }

    /** One page of a search. */
    record DatasetList(long count, int page, int pageSize, List<DatasetSummary> results,
            Map<String, Map<String, Long>> facets) {
    }

    /** A dataset in a list. */
    record DatasetSummary(String name, String title, String domain, String org, String orgName, String county,
            long rows, List<Integer> years, Instant modified, boolean demo, String page) {
    }

    /**
     * One dataset with its columns, downloads and latest changes.
     *
     * @param demo its rows include the demo data (示例数据)
     */
    record DatasetDetail(String name, String title, String description, String item, String itemName, String domain,
            String domainName, String org, String orgName, String region, String regionName, String county,
            List<String> keywords, Licence licence, String frequency, String frequencyUri, LocalDate temporalStart,
            LocalDate temporalEnd, Instant created, Instant modified, long rows, int records,
            Map<Integer, Long> rowsByYear, List<Column> columns, List<Download> downloads, List<DatasetChange> changes,
            boolean demo, String page) {
    }

    record Column(String code, String label, ColumnType type) {
    }

    record Download(String id, Integer year, String format, String mediaType, long rows, String url) {
    }

    @GetMapping
    DatasetList search(@RequestParam(required = false) String q, @RequestParam(required = false) String domain,
            @RequestParam(required = false) String org, @RequestParam(required = false) String county,
            @RequestParam(defaultValue = "1") String page) {
        int p = filters.page(page);
        DatasetPage found = datasets.search(new DatasetQuery(q, filters.domains(domain), filters.orgs(org),
                filters.counties(county), List.of(), List.of(), List.of(), (p - 1) * PAGE_SIZE, PAGE_SIZE));
        return new DatasetList(found.count(), p, PAGE_SIZE, found.results().stream().map(this::summary).toList(),
                found.facets());
    }

    @GetMapping("/{name}")
    DatasetDetail one(@PathVariable String name) {
        Dataset d = datasets.require(name);
        return new DatasetDetail(d.name(), d.title(), d.description(), d.itemCode(), d.itemName(), d.domainCode(),
                d.domainName(), d.orgCode(), d.orgName(), d.regionCode(), d.regionName(), d.countyCode(), d.keywords(),
                d.licence(), d.frequency().label(), d.frequency().uri(), d.temporalStart(), d.temporalEnd(),
                d.created(), d.modified(), d.rowCount(), d.recordCount(), d.rowsByYear(),
                d.columns().stream().map(c -> new Column(c.code(), c.label(), c.type())).toList(),
                d.resources().stream().map(this::download).toList(), datasets.changes(d, 20), d.demo(),
                address.link(d.path()));
    }

    private DatasetSummary summary(Dataset d) {
        return new DatasetSummary(d.name(), d.title(), d.domainCode(), d.orgCode(), d.orgName(), d.countyCode(),
                d.rowCount(), List.copyOf(d.rowsByYear().keySet()), d.modified(), d.demo(), address.link(d.path()));
    }

    private Download download(DatasetResource r) {
        return new Download(r.id(), r.year(), r.format().label(), r.format().mediaType(), r.rowCount(),
                address.link(r.path()));
    }

}
