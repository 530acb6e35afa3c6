package gongkai.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import gongkai.search.internal.Highlights;
import gongkai.search.internal.QueryTerms;

/** What the results page receives as markup: the stored text escaped, and a {@code <mark>} only where a word was found. */
class HighlightMarkupTest {

    @Test
    void storedTextWithMarksOfItsOwnInjectsNeitherMarkupNorHighlights() {
        Highlights highlights = Highlights.of(QueryTerms.parse("公示"));
        String stored = "<b>\u0001旧标记\u0002</b>\uFFFE新标记\uFFFF<mark>公示</mark>";
        assertThat(RecordSearch.markup(highlights.title(stored)))
                .isEqualTo("&lt;b&gt;旧标记&lt;/b&gt;新标记&lt;mark&gt;<mark>公示</mark>&lt;/mark&gt;");
        assertThat(highlights.fragments(stored + "。").stream().map(RecordSearch::markup))
                .containsExactly("&lt;b&gt;旧标记&lt;/b&gt;新标记&lt;mark&gt;<mark>公示</mark>&lt;/mark&gt;。");
    }
}
