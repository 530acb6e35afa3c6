package gongkai.search;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ActiveProfiles;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relevance set (src/test/resources/search/relevance.yaml) over the demo data. The {@code queries} must each put
 * their records first, every miss reported; the {@code typed} queries, written as people type, are measured by MRR@10
 * and recall@10, printed and written to target/search-quality.txt, and held above a floor.
 */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
class SearchRelevanceTest {

    /** Floors a little under what was measured (README, "Search quality"), so that a change that loses ground fails. */
    static final double MRR_FLOOR = 0.95;
    static final double RECALL_FLOOR = 0.95;

    @Autowired
    RecordSearch search;

    private static Map<String, List<Map<String, Object>>> set() throws Exception {
        try (InputStream in = new ClassPathResource("search/relevance.yaml").getInputStream()) {
            return new Yaml().load(in);
        }
    }

    private List<String> titles(String q) {
        return search.search(SearchQuery.of(q)).hits().stream().map(SearchHit::title).toList();
    }

    @Test
    void everyQueryOfTheSetPutsItsRecordsFirst() throws Exception {
        List<Map<String, Object>> queries = set().get("queries");
        assertThat(queries).hasSizeGreaterThanOrEqualTo(30);
        List<String> misses = new ArrayList<>();
        for (Map<String, Object> q : queries) {
            String text = String.valueOf(q.get("q"));
            @SuppressWarnings("unchecked")
            List<String> top = (List<String>) q.get("top");
            List<String> got = titles(text);
            List<String> first = got.subList(0, Math.min(top.size(), got.size()));
            if (!(first.size() == top.size() && first.containsAll(top))) {
                misses.add(text + " → expected " + top + " first, got " + got.subList(0, Math.min(5, got.size())));
            }
        }
        assertThat(misses).as("queries whose expected records do not come first").isEmpty();
    }

    @Test
    void queriesTypedAsPeopleTypeFindWhatTheyMean() throws Exception {
        List<Map<String, Object>> typed = set().get("typed");
        assertThat(typed).hasSizeGreaterThanOrEqualTo(40);
        double reciprocalRanks = 0;
        double recalls = 0;
        List<String> report = new ArrayList<>();
        for (Map<String, Object> q : typed) {
            String text = String.valueOf(q.get("q"));
            @SuppressWarnings("unchecked")
            List<String> relevant = (List<String>) q.get("relevant");
            List<String> got = titles(text);
            List<String> ten = got.subList(0, Math.min(10, got.size()));
            int rank = 0;
            for (int i = 0; i < ten.size(); i++) {
                if (relevant.contains(ten.get(i))) {
                    rank = i + 1;
                    break;
                }
            }
            long foundRelevant = relevant.stream().filter(ten::contains).count();
            reciprocalRanks += rank == 0 ? 0 : 1.0 / rank;
            recalls += (double) foundRelevant / relevant.size();
            if (rank != 1 || foundRelevant < relevant.size()) {
                report.add("  " + text + ": first relevant at " + (rank == 0 ? "none" : rank) + ", " + foundRelevant
                        + "/" + relevant.size() + " in the first ten; got " + ten.subList(0, Math.min(3, ten.size())));
            }
        }
        double mrr = reciprocalRanks / typed.size();
        double recall = recalls / typed.size();
        String summary = String.format(Locale.ROOT, "Search quality over %d queries typed as people type: MRR@10 %.3f, "
                + "recall@10 %.3f%n%s", typed.size(), mrr, recall, String.join("\n", report));
        System.out.println(summary);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "search-quality.txt"), summary);
        assertThat(mrr).as(summary).isGreaterThanOrEqualTo(MRR_FLOOR);
        assertThat(recall).as(summary).isGreaterThanOrEqualTo(RECALL_FLOOR);
    }
}
