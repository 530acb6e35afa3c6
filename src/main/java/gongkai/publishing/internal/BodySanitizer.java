package gongkai.publishing.internal;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;

/**
 * The allow-list for record bodies: structure, emphasis, lists, tables, links and images; no scripts, styles,
 * event handlers or frames. Applied on the way in, so what is stored is already safe to show.
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

    public String sanitize(String html) {
        return html == null ? "" : POLICY.sanitize(html).strip();
    }

}
