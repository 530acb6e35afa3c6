package gongkai.opendata.internal.dcat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.VCARD4;
import org.apache.jena.vocabulary.XSD;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

import gongkai.opendata.Dataset;
import gongkai.opendata.DatasetResource;
import gongkai.opendata.Datasets;
import gongkai.opendata.DownloadFormat;
import gongkai.opendata.Licence;
import gongkai.opendata.UpdateFrequency;
import gongkai.org.InstitutionSector;
import gongkai.org.Organisation;
import gongkai.org.Organisations;
import gongkai.region.Region;
import gongkai.region.Regions;
import gongkai.shared.PublicAddress;

/**
 * The open-data catalogue as DCAT-AP 3.0.0 (an Apache Jena model): the catalogue, each dataset that holds rows, and
 * each of its downloads as a distribution. The terms of the EU vocabularies it points to (themes, frequencies, file
 * types, …) are typed and labelled in the model itself, so that a harvester or a validator checking the classes of
 * objects needs no other graph. Every address is absolute, under the configured public address.
 */
@Component
public class DcatCatalogue {

    /** The body the catalogue is published by: the city government office, which runs the platform (plan 三.5). */
    static final String PUBLISHER = "ycszfb";

    static final String DCATAP = "http://data.europa.eu/r5r/";
    static final String ADMS = "http://www.w3.org/ns/adms#";
    static final String EU = "http://publications.europa.eu/resource/authority/";
    static final String IANA = "https://www.iana.org/assignments/media-types/";

    private static final Property AVAILABILITY = ModelFactory.createDefaultModel().createProperty(DCATAP,
            "availability");

    /** The ADMS publisher types used here, with their labels. */
    private static final Map<String, String> PUBLISHER_TYPES = Map.of("LocalAuthority", "Local Authority",
            "NonProfitOrganisation", "Non-Profit Organisation", "NonGovernmentalOrganisation",
            "Non-Governmental Organisation", "Company", "Company");

    private final Datasets datasets;
    private final Organisations organisations;
    private final Regions regions;
    private final PublicAddress site;

    DcatCatalogue(Datasets datasets, Organisations organisations, Regions regions, PublicAddress site) {
        this.datasets = datasets;
        this.organisations = organisations;
        this.regions = regions;
        this.site = site;
    }

    /** The catalogue as it stands now. */
    public Model model() {
        List<Dataset> all = datasets.all();
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("dcat", DCAT.NS);
        m.setNsPrefix("dct", DCTerms.NS);
        m.setNsPrefix("dcatap", DCATAP);
        m.setNsPrefix("foaf", FOAF.NS);
        m.setNsPrefix("vcard", VCARD4.NS);
        m.setNsPrefix("skos", SKOS.uri);
        m.setNsPrefix("xsd", XSD.NS);
        m.setNsPrefix("rdf", RDF.uri);

        Licence licence = datasets.licence();
        Resource catalog = m.createResource(site.link("/data") + "#catalog", DCAT.Catalog);
        catalog.addProperty(DCTerms.title, m.createLiteral("宜春市政府信息公开开放数据目录", "zh"));
        catalog.addProperty(DCTerms.description, m.createLiteral("宜春市各级行政机关和公共企事业单位主动公开的结构化"
                + "政府信息，按目录事项和发布机构整理为数据集，提供 CSV、XLSX 和 JSON 下载。", "zh"));
        catalog.addProperty(DCTerms.publisher, agent(m, organisations.find(PUBLISHER)
                .orElseThrow(() -> new IllegalStateException("The catalogue's publisher " + PUBLISHER
                        + " is not among the organisations"))));
        catalog.addProperty(FOAF.homepage, document(m, site.link("/data")));
        catalog.addProperty(DCTerms.language, language(m));
        catalog.addProperty(DCTerms.license, licence(m, licence));
        catalog.addProperty(DCAT.themeTaxonomy, m.createResource(DataTheme.SCHEME, SKOS.ConceptScheme)
                .addProperty(DCTerms.title, m.createLiteral("Data theme", "en"))
                .addProperty(DCTerms.title, m.createLiteral("数据主题", "zh")));
        organisations.find(PUBLISHER).map(Organisation::regionCode).flatMap(regions::find)
                .ifPresent(r -> catalog.addProperty(DCTerms.spatial, location(m, r)));
        all.stream().map(Dataset::created).min(Comparator.naturalOrder())
                .ifPresent(at -> catalog.addLiteral(DCTerms.issued, dateTime(m, at)));
        all.stream().map(Dataset::modified).max(Comparator.naturalOrder())
                .ifPresent(at -> catalog.addLiteral(DCTerms.modified, dateTime(m, at)));
        for (Dataset d : all) {
            catalog.addProperty(DCAT.dataset, dataset(m, d, licence));
        }
        return m;
    }

    private Resource dataset(Model m, Dataset d, Licence licence) {
        String page = site.link(d.path());
        Resource r = m.createResource(page + "#dataset", DCAT.Dataset);
        r.addProperty(DCTerms.identifier, d.name());
        r.addProperty(DCTerms.title, m.createLiteral(d.title() + (d.demo() ? "（示例数据）" : ""), "zh"));
        r.addProperty(DCTerms.description, m.createLiteral(d.description()
                + (d.demo() ? "本数据集含示例数据（虚构），仅供演示。" : ""), "zh"));
        organisations.find(d.orgCode()).ifPresent(org -> {
            r.addProperty(DCTerms.publisher, agent(m, org));
            r.addProperty(DCAT.contactPoint, contact(m, org));
        });
        for (DataTheme t : DataTheme.of(d.domainCode())) {
            r.addProperty(DCAT.theme, m.createResource(t.uri(), SKOS.Concept)
                    .addProperty(SKOS.prefLabel, m.createLiteral(t.english(), "en"))
                    .addProperty(SKOS.prefLabel, m.createLiteral(t.chinese(), "zh"))
                    .addProperty(SKOS.inScheme, m.createResource(DataTheme.SCHEME)));
        }
        for (String k : d.keywords()) {
            r.addProperty(DCAT.keyword, m.createLiteral(k, "zh"));
        }
        if (d.demo()) {
            r.addProperty(DCAT.keyword, m.createLiteral("示例数据", "zh"));
        }
        if (d.regionCode() != null) {
            regions.find(d.regionCode()).ifPresent(region -> r.addProperty(DCTerms.spatial, location(m, region)));
        }
        if (d.temporalStart() != null && d.temporalEnd() != null) {
            r.addProperty(DCTerms.temporal, m.createResource(DCTerms.PeriodOfTime)
                    .addLiteral(DCAT.startDate, date(m, d.temporalStart()))
                    .addLiteral(DCAT.endDate, date(m, d.temporalEnd())));
        }
        r.addProperty(DCTerms.accrualPeriodicity, frequency(m, d.frequency()));
        r.addLiteral(DCTerms.issued, dateTime(m, d.created()));
        r.addLiteral(DCTerms.modified, dateTime(m, d.modified()));
        r.addProperty(DCAT.landingPage, document(m, page));
        for (DatasetResource res : d.resources()) {
            r.addProperty(DCAT.distribution, distribution(m, d, res, licence));
        }
        return r;
    }

    private Resource distribution(Model m, Dataset d, DatasetResource res, Licence licence) {
        Resource url = m.createResource(site.link(res.path()));
        DownloadFormat f = res.format();
        return m.createResource(site.link(d.path()) + "#" + res.id(), DCAT.Distribution)
                .addProperty(DCTerms.title, m.createLiteral(res.name(), "zh"))
                .addProperty(DCTerms.description, m.createLiteral(description(res), "zh"))
                .addProperty(DCAT.accessURL, url)
                .addProperty(DCAT.downloadURL, url)
                .addProperty(DCTerms.format, m.createResource(EU + "file-type/" + f.label(), DCTerms.MediaTypeOrExtent)
                        .addProperty(SKOS.prefLabel, m.createLiteral(f.label(), "en")))
                .addProperty(DCAT.mediaType, m.createResource(IANA + f.mediaType(), DCTerms.MediaType))
                .addProperty(DCTerms.license, licence(m, licence))
                .addProperty(AVAILABILITY, m.createResource(EU + "planned-availability/STABLE", SKOS.Concept)
                        .addProperty(SKOS.prefLabel, m.createLiteral("stable", "en"))
                        .addProperty(SKOS.prefLabel, m.createLiteral("长期可用", "zh")))
                .addLiteral(DCTerms.modified, dateTime(m, res.modified()));
    }

    private static String description(DatasetResource res) {
        String scope = res.year() == null ? "全部年度" : res.year() + "年";
        String form = switch (res.format()) {
            case CSV -> "CSV（UTF-8 带 BOM，Excel 可直接打开）";
            case XLSX -> "Excel 工作簿（数字和日期为相应类型的单元格）";
            case JSON -> "JSON";
        };
        return scope + "的全部行，共 " + res.rowCount() + " 行，" + form + "。每行注明其来源信息的索引号。";
    }

    /** A body as a foaf:Agent, with its kind from the ADMS publisher types. */
    private Resource agent(Model m, Organisation org) {
        Resource a = m.createResource(site.link("/orgs/" + segment(org.code())), FOAF.Agent)
                .addProperty(FOAF.name, m.createLiteral(org.name(), "zh"));
        // Schools and hospitals are public non-profit institutions; the utilities are companies.
        String type = switch (org.kind()) {
            case PUBLIC_INSTITUTION -> org.sector() == InstitutionSector.SCHOOL
                    || org.sector() == InstitutionSector.HOSPITAL ? "NonProfitOrganisation" : "Company";
            case SOCIAL_ORGANISATION -> "NonGovernmentalOrganisation";
            case ENTERPRISE -> "Company";
            default -> "LocalAuthority";
        };
        a.addProperty(DCTerms.type, m.createResource("http://purl.org/adms/publishertype/" + type, SKOS.Concept)
                .addProperty(SKOS.prefLabel, m.createLiteral(PUBLISHER_TYPES.get(type), "en"))
                .addProperty(SKOS.inScheme, m.createResource("http://purl.org/adms/publishertype/1.0")));
        return a;
    }

    /** Where to ask about a body's data: its office for requests, as its disclosure guide gives it. */
    private Resource contact(Model m, Organisation org) {
        Organisation.Office office = org.office();
        Resource c = m.createResource(site.link("/orgs/" + segment(org.code())) + "#contact", VCARD4.Organization)
                // vcard:Kind is what DCAT-AP asks of a contact point; Organization is its subclass in vCard.
                .addProperty(RDF.type, VCARD4.Kind)
                .addProperty(VCARD4.fn, m.createLiteral(office.name().isBlank() ? org.name() : office.name(), "zh"))
                .addProperty(VCARD4.hasURL, m.createResource(site.link("/orgs/" + segment(org.code()) + "/guide")));
        String phone = office.phone().replaceAll("[^0-9+\\-]", "");
        if (!phone.isEmpty()) {
            c.addProperty(VCARD4.hasTelephone, m.createResource("tel:" + phone));
        }
        String email = office.email().strip();
        if (email.matches("[^\\s@<>\"]+@[^\\s@<>\"]+")) {
            c.addProperty(VCARD4.hasEmail, m.createResource("mailto:" + email));
        }
        return c;
    }

    private Resource location(Model m, Region region) {
        return m.createResource(site.link("/regions/" + segment(region.code())), DCTerms.Location)
                .addProperty(DCTerms.identifier, region.code())
                .addProperty(SKOS.prefLabel, m.createLiteral(region.name(), "zh"));
    }

    private static Resource licence(Model m, Licence licence) {
        Resource l = m.createResource(licence.url(), DCTerms.LicenseDocument)
                .addProperty(DCTerms.title, m.createLiteral(licence.title(), "zh"))
                .addProperty(DCTerms.identifier, licence.id());
        licenceType(licence.id()).ifPresent(type -> l.addProperty(DCTerms.type,
                m.createResource("http://purl.org/adms/licencetype/" + type, SKOS.Concept)
                        .addProperty(SKOS.prefLabel,
                                m.createLiteral(type.equals("PublicDomain") ? "Public domain" : type, "en"))
                        .addProperty(SKOS.inScheme, m.createResource("http://purl.org/adms/licencetype/1.0"))));
        return l;
    }

    /** The ADMS licence type of the licences CKAN knows by id; a licence configured beyond them gets none. */
    static Optional<String> licenceType(String id) {
        String l = id == null ? "" : id.toLowerCase(Locale.ROOT);
        if (l.equals("cc-zero") || l.equals("cc0") || l.startsWith("cc0-") || l.startsWith("odc-pddl")) {
            return Optional.of("PublicDomain");
        }
        if (l.startsWith("cc-by") || l.startsWith("odc-by") || l.startsWith("odc-odbl") || l.startsWith("uk-ogl")) {
            return Optional.of("Attribution");
        }
        return Optional.empty();
    }

    private static Resource frequency(Model m, UpdateFrequency f) {
        return m.createResource(f.uri(), DCTerms.Frequency)
                .addProperty(SKOS.prefLabel, m.createLiteral(f.name().toLowerCase(Locale.ROOT), "en"))
                .addProperty(SKOS.prefLabel, m.createLiteral(f.label(), "zh"));
    }

    private static Resource language(Model m) {
        return m.createResource(EU + "language/ZHO", DCTerms.LinguisticSystem);
    }

    private static Resource document(Model m, String url) {
        return m.createResource(url, FOAF.Document);
    }

    private static Literal dateTime(Model m, Instant at) {
        return m.createTypedLiteral(at.truncatedTo(ChronoUnit.SECONDS).toString(), XSDDatatype.XSDdateTime);
    }

    private static Literal date(Model m, LocalDate day) {
        return m.createTypedLiteral(day.toString(), XSDDatatype.XSDdate);
    }

    private static String segment(String s) {
        return UriUtils.encodePathSegment(s, StandardCharsets.UTF_8);
    }
}
