package gongkai.opendata;

import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import gongkai.opendata.internal.dcat.DcatCatalogue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's catalogue, with datasets of many fields and kinds of body, conforms to the DCAT-AP 3.0.0 shapes, and
 * says of every dataset that it is demo data (示例数据).
 */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
class DcatDemoCatalogueTest {

    @Autowired
    DcatCatalogue catalogue;
    @Autowired
    Datasets datasets;

    @Test
    void theDemoCatalogueConformsAndSaysItIsDemoData() throws Exception {
        Model m = catalogue.model();
        List<Resource> all = m.listSubjectsWithProperty(RDF.type, DCAT.Dataset).toList();
        assertThat(all).hasSize(datasets.all().size()).hasSizeGreaterThan(1);
        assertThat(all).allSatisfy(d -> {
            assertThat(d.getProperty(DCTerms.title).getString()).endsWith("（示例数据）");
            assertThat(d.listProperties(DCAT.keyword).mapWith(s -> s.getString()).toList()).contains("示例数据");
        });

        ValidationReport mandatory = validate(m, "shapes.ttl", "range.ttl");
        assertThat(mandatory.conforms()).as(DcatCatalogueTest.text(mandatory)).isTrue();
        ValidationReport recommended = validate(m, "shapes_recommended.ttl");
        Set<String> missing = recommended.getEntries().stream().map(e -> e.resultPath().toString())
                .collect(Collectors.toSet());
        assertThat(missing).as(DcatCatalogueTest.text(recommended))
                .containsOnly("<" + DCAT.bbox.getURI() + ">", "<" + DCAT.centroid.getURI() + ">");
    }

    static ValidationReport validate(Model data, String... shapeFiles) throws Exception {
        Graph shapes = GraphFactory.createDefaultGraph();
        for (String f : shapeFiles) {
            try (InputStream in = DcatDemoCatalogueTest.class.getResourceAsStream("/dcat-ap-3.0.0/" + f)) {
                RDFParser.create().source(in).lang(Lang.TURTLE).parse(shapes);
            }
        }
        return ShaclValidator.get().validate(Shapes.parse(shapes), data.getGraph());
    }
}
