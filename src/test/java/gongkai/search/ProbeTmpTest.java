package gongkai.search;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles({"test", "demo"})
class ProbeTmpTest {
    @Autowired RecordSearch search;
    @Autowired gongkai.search.internal.SearchNames names;

    @Test
    void probe() throws Exception {
        StringBuilder out = new StringBuilder();
        for (String q : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/tmp/probe/queries.txt"))) {
            if (q.isBlank()) continue;
            var words = gongkai.search.internal.QueryTerms.parse(q).understood(names.lexicon());
            SearchAnswer a = search.search(SearchQuery.of(q));
            out.append("## ").append(q).append(" → words ").append(words.words().stream().map(w -> w.text() + (w.names().isEmpty() ? "" : "*")).toList())
               .append(" total=").append(a.total()).append(" msg=").append(a.message()).append(" resp=").append(a.respelled())
               .append(" related=").append(a.related().stream().map(r -> r.name()).toList()).append('\n');
            a.hits().stream().limit(4).forEach(h -> out.append("   - ").append(h.title()).append(" | ").append(h.publisher()).append('\n'));
        }
        java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/probe/out.txt"), out);
    }
}
