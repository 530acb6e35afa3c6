package gongkai.opendata;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VCARD4;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import gongkai.org.OrganisationDetails;
import gongkai.org.Organisations;
import gongkai.publishing.Publishing;
import gongkai.shared.PublicAddress;
import gongkai.support.Acting;
import gongkai.support.PlatformTest;
import gongkai.support.Staff;
import gongkai.support.ThreeStepReview;

import static gongkai.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The DCAT-AP catalogue as a harvester gets it: /catalog.ttl and /catalog.jsonld, parsed back with Jena, conform to
 * the DCAT-AP 3.0.0 SHACL shapes (src/test/resources/dcat-ap-3.0.0, see SOURCE.md there), list a published dataset
 * with its downloads and drop a dataset whose records were all withdrawn.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DcatCatalogueTest {

    @RegisterExtension
    static final ThreeStepReview review = new ThreeStepReview();

    @Autowired
    MockMvc mvc;
    @Autowired
    Publishing publishing;
    @Autowired
    PublicAddress site;
    @Autowired
    Organisations organisations;

    @BeforeAll
    void publishOneDatasetAndEmptyAnother() {
        as(Acting.cityAdmin(), () -> organisations.amend("zsszf", new OrganisationDetails("", "", "", "", "",
                "樟树市人民政府办公室", "樟树市示例路1号", "工作日8:30—17:30", "0795-7351234", "", "", "gk@example.org", "")));
        review.publish(Staff.of("zsszf"), OpenDataFixture.funds("zsszf", "360982", "樟树市2026年第三季度救助款物管理使用情况"));
        Staff gaszf = Staff.of("gaszf");
        String gone = review.publish(gaszf, OpenDataFixture.funds("gaszf", "360983", "高安市2026年第三季度救助款物管理使用情况"));
        as(gaszf.approver(), () -> publishing.withdraw(gone, "数据有误，重新核对"));
    }

    @Test
    void theTurtleConformsToTheMandatoryShapesAndTheClassRanges() throws Exception {
        ValidationReport report = validate(served("/catalog.ttl", Lang.TURTLE), "shapes.ttl", "range.ttl");
        assertThat(report.conforms()).as(text(report)).isTrue();
    }

    @Test
    void theJsonLdConformsAndSaysTheSameAsTheTurtle() throws Exception {
        Model jsonLd = served("/catalog.jsonld", Lang.JSONLD);
        ValidationReport report = validate(jsonLd, "shapes.ttl", "range.ttl");
        assertThat(report.conforms()).as(text(report)).isTrue();
        assertThat(jsonLd.isIsomorphicWith(served("/catalog.ttl", Lang.TURTLE))).isTrue();
        // Compact JSON-LD: a context of prefixes, terms written short.
        String body = body("/catalog.jsonld");
        assertThat(body).contains("\"@context\"", "\"dcat\"", "dcat:Dataset");
    }

    @Test
    void theShapesCatchAMissingTitleAndAnUntypedObject() throws Exception {
        Model m = served("/catalog.ttl", Lang.TURTLE);
        Resource dataset = m.getResource(site.link("/data/sa-funds-zsszf") + "#dataset");
        m.removeAll(dataset, DCTerms.title, null);
        m.removeAll(null, RDF.type, DCTerms.Frequency);
        ValidationReport report = validate(m, "shapes.ttl", "range.ttl");
        assertThat(report.conforms()).isFalse();
        assertThat(report.getEntries()).extracting(e -> e.resultPath().toString()).contains(
                "<" + DCTerms.title.getURI() + ">", "<" + DCTerms.accrualPeriodicity.getURI() + ">");
    }

    @Test
    void theRecommendedPropertiesAreAllGivenButTheGeometryOfPlaces() throws Exception {
        ValidationReport report = validate(served("/catalog.ttl", Lang.TURTLE), "shapes_recommended.ttl");
        // Our regions have no coordinates: dct:Location has no dcat:bbox or dcat:centroid.
        Set<String> missing = report.getEntries().stream().map(e -> e.resultPath().toString())
                .collect(Collectors.toSet());
        System.out.println("DCAT-AP recommended shapes:\n" + text(report));
        assertThat(missing).containsOnly("<" + DCAT.bbox.getURI() + ">", "<" + DCAT.centroid.getURI() + ">");
        assertThat(report.getEntries()).allSatisfy(e -> assertThat(e.focusNode().getURI())
                .startsWith(site.link("/regions/")));
    }

    @Test
    void aPublishedDatasetIsListedWithItsDistributions() throws Exception {
        Model m = served("/catalog.ttl", Lang.TURTLE);
        Resource catalog = m.listSubjectsWithProperty(RDF.type, DCAT.Catalog).next();
        Resource dataset = m.getResource(site.link("/data/sa-funds-zsszf") + "#dataset");
        assertThat(m.contains(catalog, DCAT.dataset, dataset)).isTrue();
        assertThat(dataset.getProperty(DCTerms.identifier).getString()).isEqualTo("sa-funds-zsszf");
        assertThat(dataset.getProperty(DCTerms.title).getLiteral().getLanguage()).isEqualTo("zh");
        assertThat(dataset.getProperty(DCTerms.title).getString()).contains("救助款物管理使用情况", "樟树市人民政府");
        assertThat(dataset.getPropertyResourceValue(DCTerms.publisher).getProperty(FOAF.name).getString())
                .isEqualTo("樟树市人民政府");
        assertThat(objects(dataset, DCAT.theme))
                .containsExactly("http://publications.europa.eu/resource/authority/data-theme/SOCI");
        assertThat(dataset.listProperties(DCAT.keyword).mapWith(s -> s.getString()).toList())
                .contains("社会救助和社会福利", "救助款物管理使用情况", "城乡低保", "临时救助");
        assertThat(objects(dataset, DCTerms.accrualPeriodicity))
                .containsExactly("http://publications.europa.eu/resource/authority/frequency/QUARTERLY");
        assertThat(objects(dataset, DCTerms.spatial)).containsExactly(site.link("/regions/360982"));
        Resource period = dataset.getPropertyResourceValue(DCTerms.temporal);
        assertThat(period.getProperty(DCAT.startDate).getLiteral().getLexicalForm()).isEqualTo("2026-07-01");
        assertThat(period.getProperty(DCAT.endDate).getLiteral().getLexicalForm()).isEqualTo("2026-09-30");
        assertThat(objects(dataset, DCAT.landingPage)).containsExactly(site.link("/data/sa-funds-zsszf"));

        List<Resource> distributions = dataset.listProperties(DCAT.distribution).mapWith(s -> s.getResource())
                .toList();
        // All years and 2026, each as CSV, XLSX and JSON.
        assertThat(distributions).hasSize(6);
        String downloads = site.link("/data/sa-funds-zsszf/download/");
        assertThat(distributions.stream().flatMap(d -> objects(d, DCAT.downloadURL).stream()))
                .containsExactlyInAnyOrder(downloads + "all.csv", downloads + "all.xlsx", downloads + "all.json",
                        downloads + "2026.csv", downloads + "2026.xlsx", downloads + "2026.json");
        Resource csv = distributions.stream().filter(d -> objects(d, DCAT.downloadURL).get(0).endsWith("all.csv"))
                .findFirst().orElseThrow();
        assertThat(objects(csv, DCAT.accessURL)).isEqualTo(objects(csv, DCAT.downloadURL));
        assertThat(objects(csv, DCTerms.format))
                .containsExactly("http://publications.europa.eu/resource/authority/file-type/CSV");
        assertThat(objects(csv, DCAT.mediaType))
                .containsExactly("https://www.iana.org/assignments/media-types/text/csv");
        assertThat(objects(csv, DCTerms.license)).containsExactly("https://creativecommons.org/licenses/by/4.0/");
        assertThat(csv.getProperty(DCTerms.description).getString()).contains("共 2 行");
    }

    @Test
    void theContactPointGivesTheOfficeAsTheBodysGuideDoes() throws Exception {
        Model m = served("/catalog.ttl", Lang.TURTLE);
        Resource contact = m.getResource(site.link("/data/sa-funds-zsszf") + "#dataset")
                .getPropertyResourceValue(DCAT.contactPoint);
        assertThat(contact.hasProperty(RDF.type, VCARD4.Organization)).isTrue();
        assertThat(contact.getProperty(VCARD4.fn).getString()).isEqualTo("樟树市人民政府办公室");
        assertThat(objects(contact, VCARD4.hasTelephone)).containsExactly("tel:0795-7351234");
        assertThat(objects(contact, VCARD4.hasEmail)).containsExactly("mailto:gk@example.org");
        assertThat(objects(contact, VCARD4.hasURL)).containsExactly(site.link("/orgs/zsszf/guide"));
    }

    @Test
    void linksNameTheConfiguredAddressNeverTheRequestsHost() throws Exception {
        for (String path : List.of("/catalog.ttl", "/catalog.jsonld")) {
            String body = mvc.perform(get(path).header("Host", "evil.example").header("X-Forwarded-Host",
                    "evil.example")).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(body).contains(site.link("/data/sa-funds-zsszf")).doesNotContain("evil.example");
        }
    }

    @Test
    void aDatasetWhoseRecordsWereAllWithdrawnLeavesTheCatalogue() throws Exception {
        Model m = served("/catalog.ttl", Lang.TURTLE);
        assertThat(m.listSubjectsWithProperty(DCTerms.identifier, "sa-funds-gaszf").toList()).isEmpty();
        assertThat(body("/catalog.ttl")).doesNotContain("sa-funds-gaszf", "高安市2026年第三季度");
        assertThat(m.listSubjectsWithProperty(DCTerms.identifier, "sa-funds-zsszf").toList()).hasSize(1);
    }

    @Test
    void harvestersGetNotModifiedUntilADatasetChanges() throws Exception {
        MvcResult first = mvc.perform(get("/catalog.ttl")).andExpect(status().isOk())
                .andExpect(header().exists(HttpHeaders.LAST_MODIFIED)).andReturn();
        String lastModified = first.getResponse().getHeader(HttpHeaders.LAST_MODIFIED);
        String etag = first.getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(first.getResponse().getHeaders(HttpHeaders.ETAG)).hasSize(1);
        mvc.perform(get("/catalog.ttl").header(HttpHeaders.IF_MODIFIED_SINCE, lastModified))
                .andExpect(status().isNotModified());
        mvc.perform(get("/catalog.jsonld").header(HttpHeaders.IF_NONE_MATCH, etag)).andExpect(status().isNotModified());

        Staff sgxzf = Staff.of("sgxzf");
        String indexNo = review.publish(sgxzf, OpenDataFixture.funds("sgxzf", "360923", "上高县2026年第三季度救助款物管理使用情况"));
        String published = mvc.perform(get("/catalog.ttl").header(HttpHeaders.IF_NONE_MATCH, etag))
                .andExpect(status().isOk()).andReturn().getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(published).isNotEqualTo(etag);
        // Withdrawing its only record takes the dataset out: a change too, never a step back in time.
        as(sgxzf.approver(), () -> publishing.withdraw(indexNo, "重复发布"));
        MvcResult withdrawn = mvc.perform(get("/catalog.ttl").header(HttpHeaders.IF_NONE_MATCH, published))
                .andExpect(status().isOk()).andReturn();
        assertThat(withdrawn.getResponse().getContentAsString()).doesNotContain("sa-funds-sgxzf");
        assertThat(millis(withdrawn.getResponse().getHeader(HttpHeaders.ETAG)))
                .isGreaterThanOrEqualTo(millis(published));
        assertThat(withdrawn.getResponse().getHeader(HttpHeaders.ETAG)).isNotEqualTo(published);
    }

    private static long millis(String etag) {
        return Long.parseLong(etag.replace("\"", "").replace("W/", ""));
    }

    private static List<String> objects(Resource subject, org.apache.jena.rdf.model.Property p) {
        return subject.listProperties(p).mapWith(s -> s.getObject()).mapWith(RDFNode::toString).toList();
    }

    private String body(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private Model served(String path, Lang lang) throws Exception {
        byte[] bytes = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        Model m = ModelFactory.createDefaultModel();
        RDFParser.create().source(new ByteArrayInputStream(bytes)).lang(lang).parse(m);
        assertThat(m.size()).isPositive();
        return m;
    }

    private static ValidationReport validate(Model data, String... shapeFiles) throws Exception {
        return DcatDemoCatalogueTest.validate(data, shapeFiles);
    }

    static String text(ValidationReport report) {
        StringBuilder out = new StringBuilder();
        for (ReportEntry e : report.getEntries()) {
            out.append(e.severity().level().getLocalName()).append(' ').append(e.focusNode()).append(' ')
                    .append(e.resultPath()).append(' ').append(e.message()).append('\n');
        }
        return out.toString();
    }
}
