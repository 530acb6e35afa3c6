package gongkai.search;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ActiveProfiles;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relevance set (src/test/resources/search/relevance.yaml): realistic queries over the demo data, each with the
 * records that must come first. All of them are checked and every miss is reported, not just the first.
 */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
class SearchRelevanceTest {

    @Autowired
    RecordSearch search;

    @Test
    void everyQueryOfTheSetPutsItsRecordsFirst() throws Exception {
        List<Map<String, Object>> queries;
        try (InputStream in = new ClassPathResource("search/relevance.yaml").getInputStream()) {
            Map<String, List<Map<String, Object>>> root = new Yaml().load(in);
            queries = root.get("queries");
        }
        assertThat(queries).hasSizeGreaterThanOrEqualTo(30);
        List<String> misses = new ArrayList<>();
        for (Map<String, Object> q : queries) {
            String text = String.valueOf(q.get("q"));
            @SuppressWarnings("unchecked")
            List<String> top = (List<String>) q.get("top");
            List<String> got = search.search(SearchQuery.of(text)).hits().stream().map(SearchHit::title).toList();
            List<String> first = got.subList(0, Math.min(top.size(), got.size()));
            if (!(first.size() == top.size() && first.containsAll(top))) {
                misses.add(text + " → expected " + top + " first, got " + got.subList(0, Math.min(5, got.size())));
            }
        }
        assertThat(misses).as("queries whose expected records do not come first").isEmpty();
    }
}
