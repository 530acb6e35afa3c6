package gongkai.opendata.internal.ckan;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import gongkai.catalog.Catalog;
import gongkai.catalog.CatalogDomain;
import gongkai.opendata.Dataset;
import gongkai.opendata.DatasetPage;
import gongkai.opendata.DatasetQuery;
import gongkai.opendata.DatasetResource;
import gongkai.opendata.Datasets;
import gongkai.opendata.DownloadFormat;
import gongkai.opendata.internal.ckan.CkanAnswers.Extra;
import gongkai.opendata.internal.ckan.CkanAnswers.FacetItem;
import gongkai.opendata.internal.ckan.CkanAnswers.Group;
import gongkai.opendata.internal.ckan.CkanAnswers.GroupRef;
import gongkai.opendata.internal.ckan.CkanAnswers.Organization;
import gongkai.opendata.internal.ckan.CkanAnswers.Package;
import gongkai.opendata.internal.ckan.CkanAnswers.Resource;
import gongkai.opendata.internal.ckan.CkanAnswers.Search;
import gongkai.opendata.internal.ckan.CkanAnswers.SearchFacet;
import gongkai.opendata.internal.ckan.CkanAnswers.Status;
import gongkai.opendata.internal.ckan.CkanAnswers.Tag;
import gongkai.org.Organisation;
import gongkai.org.Organisations;
import gongkai.region.Region;
import gongkai.region.Regions;
import gongkai.shared.PublicAddress;

/**
 * The actions of the CKAN subset, each answering what CKAN 2.11's action of that name answers
 * ({@code ckan/logic/action/get.py}), from the {@link Datasets}. Identifiers are our stable names: a package's id is
 * its name, an organization's its body's code, a group's its field's code, a resource's its download id.
 */
@Component
class CkanActions {

    /** The CKAN release whose answers these follow. */
    static final String CKAN_VERSION = "2.11.5";

    /** What each action does, for {@code help_show}; its keys are the actions there are. */
    static final Map<String, String> HELP = helps();

    private static final DateTimeFormatter CKAN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);
    private static final Set<String> OPEN_LICENCES = Set.of("cc-by", "cc-by-4.0", "cc-by-sa", "cc-by-sa-4.0",
            "cc-zero", "cc0-1.0", "odc-by", "odc-odbl", "odc-pddl", "other-open", "other-pd", "other-at");
    private static final List<String> FACET_FIELDS = List.of("organization", "groups", "tags", "res_format",
            "county", "license_id");
    private static final int GROUP_LIST_MAX = 1000;
    private static final int GROUP_LIST_ALL_FIELDS_MAX = 25;

    private final Datasets datasets;
    private final Catalog catalog;
    private final Organisations organisations;
    private final Regions regions;
    private final PublicAddress address;
    private final MessageSource messages;
    private final JsonMapper json;

    CkanActions(Datasets datasets, Catalog catalog, Organisations organisations, Regions regions,
            PublicAddress address, MessageSource messages, JsonMapper json) {
        this.datasets = datasets;
        this.catalog = catalog;
        this.organisations = organisations;
        this.regions = regions;
        this.address = address;
        this.messages = messages;
        this.json = json;
    }

    /** Runs an action known to {@link #HELP}. */
    Object run(String action, CkanParams p) {
        return switch (action) {
            case "status_show" -> statusShow();
            case "package_list" -> packageList(p);
            case "package_show" -> packageShow(p);
            case "package_search" -> packageSearch(p);
            case "resource_show" -> resourceShow(p);
            case "organization_list" -> groupList(p, true);
            case "organization_show" -> groupShow(p, true);
            case "group_list" -> groupList(p, false);
            case "group_show" -> groupShow(p, false);
            case "help_show" -> helpShow(p);
            default -> throw new IllegalArgumentException("not an action: " + action);
        };
    }

    Status statusShow() {
        String title = messages.getMessage("site.name", null, Locale.SIMPLIFIED_CHINESE);
        return new Status(title, title + "的开放数据：社会公益事业各领域主动公开的结构化信息，按数据集提供下载和接口。",
                address.base(), null, "zh_Hans_CN", List.of(), CKAN_VERSION);
    }

    List<String> packageList(CkanParams p) {
        Integer limit = p.natural("limit", null);
        int offset = p.natural("offset", 0);
        return datasets.all().stream().map(Dataset::name).sorted().skip(offset)
                .limit(limit == null || limit == 0 ? Long.MAX_VALUE : limit).toList();
    }

    Package packageShow(CkanParams p) {
        // CKAN takes id, else name_or_id, and names the latter when both are missing.
        String id = p.has("id") ? p.required("id", "数据集名称") : p.has("name_or_id") ? p.required("name_or_id", "")
                : null;
        if (id == null) {
            throw CkanError.invalid("name_or_id", "缺少参数 id（数据集名称，如 sa-funds-fcszf）。");
        }
        Dataset d = datasets.find(id).orElseThrow(() -> CkanError.notFound("没有名为“" + id + "”的数据集。"));
        return pkg(d, new Context(datasets.all()));
    }

    Resource resourceShow(CkanParams p) {
        String id = p.required("id", "资源编号");
        DatasetResource r = datasets.resource(id)
                .orElseThrow(() -> CkanError.notFound("没有编号为“" + id + "”的资源。"));
        Dataset d = datasets.find(r.datasetName())
                .orElseThrow(() -> CkanError.notFound("没有编号为“" + id + "”的资源。"));
        List<DatasetResource> all = d.resources();
        return resource(d, r, all.indexOf(r));
    }

    String helpShow(CkanParams p) {
        String name = p.required("name", "操作名称");
        String help = HELP.get(name);
        if (help == null) {
            throw CkanError.notFound("没有名为“" + name + "”的操作（Action function not found）。");
        }
        return help;
    }

    Search packageSearch(CkanParams p) {
        int rows = Math.min(p.natural("rows", 10), DatasetQuery.MAX_ROWS);
        int start = p.natural("start", 0);
        String sort = p.text("sort");
        List<String> fqs = new ArrayList<>();
        if (p.has("fq")) {
            fqs.add(p.text("fq"));
        }
        List<String> fqList = p.list("fq_list", json, false);
        if (fqList != null) {
            fqs.addAll(fqList);
        }
        List<String> facetFields = p.list("facet.field", json, false);
        facetFields = facetFields == null ? List.of() : facetFields;
        for (String f : facetFields) {
            if (!FACET_FIELDS.contains(f)) {
                throw CkanError.invalid("facet.field", "不能按“" + f + "”分面统计；可用的字段：" + String.join("、",
                        FACET_FIELDS) + "。");
            }
        }
        boolean facet = p.flag("facet", true);
        int facetLimit = p.integer("facet.limit", 50);
        int facetMin = p.natural("facet.mincount", 1);
        Context ctx = new Context(datasets.all());
        DatasetQuery query = CkanSearch.query(p.text("q"), fqs, sort, start, rows, ctx::known);
        DatasetPage page = datasets.search(query);
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        Map<String, SearchFacet> searchFacets = new LinkedHashMap<>();
        if (facet) {
            for (String f : facetFields) {
                Map<String, Long> counts = new LinkedHashMap<>();
                Map<String, Long> source = f.equals("license_id")
                        ? (page.count() == 0 ? Map.of() : Map.of(datasets.licence().id(), page.count()))
                        : page.facets().getOrDefault(facetKey(f), Map.of());
                source.entrySet().stream().filter(e -> e.getValue() >= facetMin)
                        .limit(facetLimit < 0 ? Long.MAX_VALUE : facetLimit)
                        .forEach(e -> counts.put(e.getKey(), e.getValue()));
                facets.put(f, counts);
                // CKAN sorts the items by display name, last first, after building them.
                List<FacetItem> items = counts.entrySet().stream()
                        .map(e -> new FacetItem(e.getKey(), ctx.displayName(f, e.getKey()), e.getValue()))
                        .sorted(Comparator.comparing(FacetItem::displayName).reversed()).toList();
                searchFacets.put(f, new SearchFacet(f, items));
            }
        }
        List<Package> results = page.results().stream().map(d -> pkg(d, ctx)).toList();
        return new Search(page.count(), facets, results, CkanSearch.echo(sort), searchFacets);
    }

    /** {@code organization_list} and {@code group_list} ({@code _group_or_org_list}). */
    List<?> groupList(CkanParams p, boolean organizations) {
        boolean allFields = p.flag("all_fields", false);
        int max = allFields ? GROUP_LIST_ALL_FIELDS_MAX : GROUP_LIST_MAX;
        Integer limit = p.natural("limit", null);
        int offset = p.natural("offset", 0);
        int take = limit == null || limit > max ? max : limit;
        String sort = p.has("sort") ? p.text("sort").strip() : p.has("order_by") ? p.text("order_by").strip()
                : "title";
        if (sort.equals("packages") || sort.equals("package_count")) {
            sort = "package_count desc";
        }
        String[] bits = sort.split("\\s+");
        String field = bits[0];
        String direction = bits.length > 1 ? bits[1].toLowerCase(Locale.ROOT) : "asc";
        if (sort.contains(",")) {
            throw CkanError.invalid("message", "只能按一个字段排序（Too many sort criteria provided only 1 "
                    + "allowed）。");
        }
        if (!List.of("name", "title", "packages", "package_count").contains(field)) {
            throw CkanError.invalid("message", "不能按“" + field + "”排序（Cannot sort by field `" + field
                    + "`）；可用的字段：name、title、package_count。");
        }
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw CkanError.invalid("message", "排序方向只能是 asc 或 desc（Invalid sort direction `" + direction
                    + "`）。");
        }
        String q = p.has("q") ? p.text("q").strip().toLowerCase(Locale.ROOT) : "";
        List<String> only = p.list(organizations ? "organizations" : "groups", json, true);
        Context ctx = new Context(datasets.all());
        List<Group> all = organizations ? ctx.organizations(false) : ctx.groups(false);
        Comparator<Group> order = switch (field) {
            case "name" -> Comparator.comparing(Group::name);
            case "title" -> Comparator.comparing(Group::title);
            default -> Comparator.comparingLong(Group::packageCount);
        };
        if (direction.equals("desc")) {
            order = order.reversed();
        }
        List<Group> chosen = all.stream()
                .filter(g -> only == null || only.contains(g.name()))
                .filter(g -> q.isEmpty() || g.name().toLowerCase(Locale.ROOT).contains(q) || g.title().contains(q)
                        || g.description().contains(q))
                .sorted(order.thenComparing(Group::name)).skip(offset).limit(take).toList();
        return allFields ? chosen : chosen.stream().map(Group::name).toList();
    }

    /** {@code organization_show} and {@code group_show} ({@code _group_or_org_show}). */
    Group groupShow(CkanParams p, boolean organization) {
        String id = p.required("id", organization ? "机构代码" : "领域代码");
        boolean withDatasets = p.flag("include_datasets", false);
        for (String flag : List.of("include_dataset_count", "include_extras", "include_users", "include_groups",
                "include_tags", "include_followers")) {
            p.flag(flag, true);
        }
        Context ctx = new Context(datasets.all());
        Group g = (organization ? ctx.organizations(true) : ctx.groups(true)).stream()
                .filter(x -> x.name().equals(id)).findFirst()
                .orElseThrow(() -> CkanError.notFound(organization ? "没有代码为“" + id + "”的发布机构。"
                        : "没有代码为“" + id + "”的领域（分组）。"));
        if (!withDatasets) {
            return g;
        }
        // CKAN shows an organization's first 10 datasets and a group's first 1000, newest change first.
        int limit = organization ? 10 : 1000;
        List<Package> packages = ctx.all.stream()
                .filter(d -> id.equals(organization ? d.orgCode() : d.domainCode()))
                .sorted(Comparator.comparing(Dataset::modified).reversed().thenComparing(Dataset::name))
                .limit(limit).map(d -> pkg(d, ctx)).toList();
        return new Group(g.id(), g.name(), g.title(), g.type(), g.description(), g.imageUrl(), g.created(),
                g.isOrganization(), g.approvalStatus(), g.state(), g.displayName(), g.imageDisplayUrl(),
                g.packageCount(), g.numFollowers(), g.extras(), g.tags(), g.groups(), packages);
    }

    private static String facetKey(String ckanField) {
        return switch (ckanField) {
            case "organization" -> "org";
            case "groups" -> "domain";
            case "tags" -> "tag";
            case "res_format" -> "format";
            default -> ckanField;
        };
    }

    private Package pkg(Dataset d, Context ctx) {
        List<DatasetResource> downloads = d.resources();
        List<Resource> resources = new ArrayList<>();
        for (int i = 0; i < downloads.size(); i++) {
            resources.add(resource(d, downloads.get(i), i));
        }
        List<Tag> tags = d.keywords().stream().map(k -> new Tag(k, k, k, "active", null)).toList();
        List<Extra> extras = new ArrayList<>();
        extras.add(new Extra("item_code", d.itemCode()));
        extras.add(new Extra("item_name", d.itemName()));
        extras.add(new Extra("temporal_start", d.temporalStart() == null ? "" : d.temporalStart().toString()));
        extras.add(new Extra("temporal_end", d.temporalEnd() == null ? "" : d.temporalEnd().toString()));
        extras.add(new Extra("spatial_code", Objects.toString(d.regionCode(), "")));
        extras.add(new Extra("spatial_name", Objects.toString(d.regionName(), "")));
        extras.add(new Extra("county_code", Objects.toString(d.countyCode(), "")));
        extras.add(new Extra("frequency", d.frequency().uri()));
        extras.add(new Extra("frequency_label", d.frequency().label()));
        extras.add(new Extra("rows", Long.toString(d.rowCount())));
        extras.add(new Extra("record_count", Integer.toString(d.recordCount())));
        if (d.demo()) {
            extras.add(new Extra("demo", "示例数据"));
        }
        String notes = d.demo() ? d.description() + "（含示例数据：内容虚构，仅作演示。）" : d.description();
        String licence = datasets.licence().id();
        return new Package(d.orgName(), null, null, d.name(), OPEN_LICENCES.contains(licence), licence,
                datasets.licence().title(), datasets.licence().url(), d.orgName(), null, time(d.created()),
                time(d.modified()), d.name(), notes, resources.size(), tags.size(), ctx.organization(d),
                d.orgCode(), false, d.rowCount() == 0 ? "deleted" : "active", d.title(), "dataset",
                address.link(d.path()), null, extras, List.of(ctx.groupRef(d.domainCode())), List.of(), List.of(),
                resources, tags);
    }

    private Resource resource(Dataset d, DatasetResource r, int position) {
        DownloadFormat f = r.format();
        String scope = r.year() == null ? "全部年度" : r.year() + "年";
        String description = scope + "的数据，共 " + r.rowCount() + " 行，" + f.label() + " 格式；每行注明来源信息的索引号。";
        return new Resource(null, null, time(d.created()), false, description, f.label(), "", r.id(),
                time(r.modified()), time(r.modified()), f.mediaType(), null, r.name(), d.name(), position, null, null,
                "active", address.link(r.path()), null);
    }

    private static String time(Instant at) {
        return at == null ? null : CKAN_TIME.format(at);
    }

    /** What the answers of one call share: the datasets with rows, and the bodies and fields they come from. */
    private final class Context {

        private final List<Dataset> all;

        Context(List<Dataset> all) {
            this.all = all;
        }

        Set<String> known(CkanSearch.Field field) {
            if (field == CkanSearch.Field.RES_FORMAT) {
                Set<String> formats = new LinkedHashSet<>();
                for (DownloadFormat f : DownloadFormat.values()) {
                    formats.add(f.label());
                }
                return formats;
            }
            Function<Dataset, String> of = switch (field) {
                case ORGANIZATION -> Dataset::orgCode;
                case GROUPS -> Dataset::domainCode;
                case COUNTY -> Dataset::countyCode;
                case TAGS, RES_FORMAT -> d -> null;
            };
            return all.stream().map(of).filter(Objects::nonNull).collect(Collectors.toCollection(LinkedHashSet::new));
        }

        String displayName(String facet, String value) {
            return switch (facet) {
                case "organization" -> organisations.find(value).map(Organisation::name).orElse(value);
                case "groups" -> catalog.domain(value).map(CatalogDomain::name).orElse(value);
                case "county" -> regions.find(value).map(Region::name).orElse(value);
                case "license_id" -> datasets.licence().id().equals(value) ? datasets.licence().title() : value;
                default -> value;
            };
        }

        Instant orgCreated(String orgCode) {
            return all.stream().filter(d -> d.orgCode().equals(orgCode)).map(Dataset::created)
                    .min(Comparator.naturalOrder()).orElse(null);
        }

        Organization organization(Dataset d) {
            Instant created = orgCreated(d.orgCode());
            return new Organization(d.orgCode(), d.orgCode(), d.orgName(), "organization", orgDescription(d.orgCode()),
                    "", time(created == null ? d.created() : created), true, "approved", "active");
        }

        GroupRef groupRef(String domainCode) {
            CatalogDomain domain = catalog.requireDomain(domainCode);
            return new GroupRef(domain.code(), domain.code(), domain.name(), domain.name(), groupDescription(domain),
                    "");
        }

        /** The bodies that publish datasets (with {@code full}, any body asked for by code is shown too). */
        List<Group> organizations(boolean full) {
            Map<String, Long> counts = all.stream().collect(Collectors.groupingBy(Dataset::orgCode,
                    LinkedHashMap::new, Collectors.counting()));
            List<Group> out = new ArrayList<>();
            for (Organisation o : organisations.all()) {
                long count = counts.getOrDefault(o.code(), 0L);
                if (count == 0 && !full) {
                    continue;
                }
                out.add(new Group(o.code(), o.code(), o.name(), "organization", orgDescription(o.code()),
                        "", time(orgCreated(o.code())), true, "approved", "active", o.name(), "", count, 0,
                        full ? List.of() : null, full ? List.of() : null, full ? List.of() : null, null));
            }
            return out;
        }

        /** The seven fields of the plan. */
        List<Group> groups(boolean full) {
            List<Group> out = new ArrayList<>();
            for (CatalogDomain domain : catalog.domains()) {
                if (!domain.planField()) {
                    continue;
                }
                long count = all.stream().filter(d -> d.domainCode().equals(domain.code())).count();
                Instant created = all.stream().filter(d -> d.domainCode().equals(domain.code()))
                        .map(Dataset::created).min(Comparator.naturalOrder()).orElse(null);
                out.add(new Group(domain.code(), domain.code(), domain.name(), "group", groupDescription(domain), "",
                        time(created), false, "approved", "active", domain.name(), "", count, 0,
                        full ? List.of() : null, full ? List.of() : null, full ? List.of() : null, null));
            }
            return out;
        }

        private String orgDescription(String orgCode) {
            return organisations.find(orgCode).map(o -> {
                String region = o.regionCode() == null ? null : regions.find(o.regionCode()).map(Region::name)
                        .orElse(null);
                return region == null ? o.name() : region + "·" + o.name();
            }).orElse("");
        }
    }

    private static String groupDescription(CatalogDomain domain) {
        return "《实施方案》" + domain.planSection() + " 所列领域：" + domain.name() + "。";
    }

    private static Map<String, String> helps() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("status_show", "返回本站的基本信息：站点名称、地址、默认语言和所模仿的 CKAN 版本。");
        h.put("package_list", "返回所有有数据的数据集名称，按名称排列。参数：limit（每页条数）、offset（跳过条数）。");
        h.put("package_show", "返回一个数据集的元数据及其全部下载资源。参数：id（数据集名称，如 sa-funds-fcszf）。");
        h.put("package_search", "检索数据集。参数：q（关键词）、fq（筛选，如 organization:fcszf、groups:social-assistance、"
                + "tags:城乡低保、res_format:CSV、county:360981，可加 + 或 -，可用 AND/OR 连接）、rows（默认 10，最多 1000）、"
                + "start、sort（默认 score desc, metadata_modified desc；可用 name、title_string、metadata_created、"
                + "metadata_modified、num_rows）、facet.field（JSON 列表，如 [\"organization\",\"groups\",\"tags\","
                + "\"res_format\"]）、facet.limit、facet.mincount。");
        h.put("resource_show", "返回一个下载资源的元数据。参数：id（资源编号，如 sa-funds-fcszf-all-csv）。");
        h.put("organization_list", "返回发布数据集的机构代码；all_fields=true 时返回机构详情。参数：sort（name、title、"
                + "package_count）、limit、offset、all_fields。");
        h.put("organization_show", "返回一个发布机构及其数据集数量。参数：id（机构代码）、include_datasets（是否附前 10 个数据集）。");
        h.put("group_list", "返回七个公益事业领域（分组）的代码；all_fields=true 时返回详情。参数：sort、limit、offset、all_fields。");
        h.put("group_show", "返回一个领域（分组）及其数据集数量。参数：id（领域代码，如 social-assistance）、include_datasets。");
        h.put("help_show", "返回一个操作的说明。参数：name（操作名称）。");
        return java.util.Collections.unmodifiableMap(h);
    }
}
