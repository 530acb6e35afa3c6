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
        return POLICY.sanitize(MARKUP.matcher(html).find() ? html : paragraphs(html)).strip();
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
