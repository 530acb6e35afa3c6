package gongkai.search;

import java.time.Instant;
import java.util.List;

/**
 * One hit. {@code titleHtml} and {@code fragments} are HTML-escaped text in which the matched words are wrapped in
 * {@code <mark>}; everything else is plain text.
 */
public record SearchHit(String indexNo, String title, String titleHtml, List<String> fragments, String publisher,
        String domain, String item, String itemName, String region, Instant publishedAt, boolean demo) {
}
