package gongkai.publishing.internal;

import java.util.regex.Pattern;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The allow-list for record bodies: structure, emphasis, lists, tables, links and images; no scripts, styles,
 * event handlers or frames. Applied on the way in, so what is stored is already safe to show. A body with no tag at
 * all is plain text (typed without the editor, or sent so through the API): its paragraphs are kept.
 */
@Component
public class BodySanitizer {

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "sub", "sup",
                    "ul", "ol", "li", "blockquote", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
                    "a", "img", "hr", "span", "div")
            .allowAttributes("href").onElements("a")
            .allowAttributes("src", "alt", "width", "height").onElements("img")
            .allowAttributes("colspan", "rowspan").onElements("td", "th")
            .allowAttributes("scope").matching(true, "row", "col", "rowgroup", "colgroup").onElements("th")
            .allowUrlProtocols("http", "https", "mailto")
            .requireRelNofollowOnLinks()
            .toFactory();

    /** Anything a browser would read as markup: a start or end tag, a comment or a doctype. */
    private static final Pattern MARKUP = Pattern.compile("<(/?[A-Za-z][^>]*|!)[^>]*>");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t\\u3000]*\\n\\s*");

    public String sanitize(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return editorBlocks(POLICY.sanitize(MARKUP.matcher(html).find() ? html : paragraphs(html))).strip();
    }

    /** A {@code <div>} holding only text and inline markup: how the bundled editor (Trix) writes a block. */
    private static final Pattern TEXT_DIV = Pattern.compile(
            "<div>((?:(?!<(?:/?div|p|ul|ol|li|table|h[2-6]|blockquote|hr)\\b).)*?)</div>", Pattern.DOTALL);
    private static final Pattern BREAKS = Pattern.compile("(?:\\s*<br\\s*/?>\\s*){2,}");
    private static final Pattern EDGE_BREAKS = Pattern.compile("^(?:\\s*<br\\s*/?>)+|(?:<br\\s*/?>\\s*)+$");

    /**
     * The editor keeps a paragraph as a {@code <div>} and a blank line as two line breaks inside it; stored and shown
     * as paragraphs ({@code <p>}) instead, so that screen readers, search snippets and print see them as the clerk
     * meant. A single line break stays one.
     */
    static String editorBlocks(String html) {
        return TEXT_DIV.matcher(html).replaceAll(m -> {
            StringBuilder out = new StringBuilder();
            for (String part : BREAKS.split(m.group(1))) {
                String text = EDGE_BREAKS.matcher(part.strip()).replaceAll("").strip();
                if (!text.isEmpty()) {
                    out.append("<p>").append(text).append("</p>");
                }
            }
            return java.util.regex.Matcher.quoteReplacement(out.toString());
        });
    }

    /** Plain text as HTML: blank-line separated paragraphs as {@code <p>}, single line breaks as {@code <br>}. */
    static String paragraphs(String text) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : BLANK_LINES.split(text.replace("\r\n", "\n").replace('\r', '\n').strip())) {
            String lines = HtmlUtils.htmlEscape(paragraph.strip(), "UTF-8").replaceAll("[ \\t]*\\n[ \\t]*", "<br>");
            if (!lines.isEmpty()) {
                html.append("<p>").append(lines).append("</p>");
            }
        }
        return html.toString();
    }
}
