package gongkai.opendata.internal.ckan;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import gongkai.opendata.DatasetQuery;
import gongkai.opendata.DatasetQuery.SortField;
import gongkai.opendata.DatasetQuery.SortKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The filter and sort forms CKAN clients send, read without a running platform. */
class CkanSearchTest {

    private static final CkanSearch.Known KNOWN = f -> switch (f) {
        case ORGANIZATION -> new LinkedHashSet<>(List.of("a", "b", "c"));
        case GROUPS -> new LinkedHashSet<>(List.of("education", "health"));
        default -> Set.of();
    };

    private static DatasetQuery fq(String... fqs) {
        return CkanSearch.query(null, List.of(fqs), null, 0, 10, KNOWN);
    }

    @Test
    void mustAndMustNotTermsLeaveTheValuesAllowed() {
        assertThat(fq("+organization:a -organization:b").orgs()).containsExactly("a");
        assertThat(fq("-organization:b").orgs()).containsExactly("a", "c");
        assertThat(fq("!groups:health").domains()).containsExactly("education");
        assertThat(fq("(organization:a OR organization:c)").orgs()).containsExactly("a", "c");
        assertThat(fq("organization:(a OR \"c\")").orgs()).containsExactly("a", "c");
    }

    @Test
    void aFilterLeftWithNoValueMatchesNothingRatherThanEverything() {
        assertThat(fq("organization:b -organization:b").orgs()).hasSize(1).doesNotContain("a", "b", "c");
        assertThat(fq("+state:deleted").orgs()).hasSize(1).doesNotContain("a", "b", "c");
        assertThat(fq("+capacity:public +state:active").orgs()).isEmpty();
    }

    @Test
    void quotedValuesAndSeveralFieldsCombine() {
        DatasetQuery q = fq("tags:\"城乡 低保\" AND res_format:CSV", "county:360981");
        assertThat(q.tags()).containsExactly("城乡 低保");
        assertThat(q.formats()).containsExactly("CSV");
        assertThat(q.counties()).containsExactly("360981");
        assertThat(q.q()).isEmpty();
    }

    @Test
    void wordsStayWordsAndFieldsInQAreFilters() {
        DatasetQuery q = CkanSearch.query("低保 丰城 groups:health", List.of(), null, 0, 10, KNOWN);
        assertThat(q.q()).isEqualTo("低保 丰城");
        assertThat(q.domains()).containsExactly("health");
        assertThat(CkanSearch.query("*:*", List.of(), null, 0, 10, KNOWN).q()).isEmpty();
    }

    @Test
    void whatCannotBeAnsweredIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> fq("-tags:x")).isInstanceOf(CkanError.class)
                .satisfies(e -> assertThat(((CkanError) e).error()).containsKey("fq"));
        assertThatThrownBy(() -> fq("metadata_modified:[2026-01-01T00:00:00Z TO *]"))
                .satisfies(e -> assertThat(((CkanError) e).error()).containsKey("fq"));
        assertThatThrownBy(() -> fq("tags:\"open")).satisfies(e -> assertThat(((CkanError) e).error())
                .containsKey("fq"));
        assertThatThrownBy(() -> CkanSearch.query("colour:red", List.of(), null, 0, 10, KNOWN))
                .satisfies(e -> assertThat(((CkanError) e).error()).containsKey("q"));
    }

    @Test
    void sortsAreFieldsWithDirections() {
        assertThat(CkanSearch.order("name asc, metadata_modified desc")).containsExactly(
                new SortKey(SortField.NAME, false), new SortKey(SortField.MODIFIED, true));
        assertThat(CkanSearch.order("rank")).isEmpty();
        assertThat(CkanSearch.echo(null)).isEqualTo("score desc, metadata_modified desc");
        assertThatThrownBy(() -> CkanSearch.order("name")).satisfies(e -> assertThat(((CkanError) e).error())
                .containsKey("sort"));
        assertThatThrownBy(() -> CkanSearch.order("views_recent desc"))
                .satisfies(e -> assertThat(((CkanError) e).error()).containsKey("sort"));
    }
}
