package gongkai.shared;

import org.springframework.web.util.HtmlUtils;

/** Plain text of sanitised HTML, for checks and indexes that read words rather than markup. */
public final class HtmlText {

    private HtmlText() {
    }

    /**
     * Drops the tags and decodes every character reference — named, decimal and hexadecimal: the sanitiser writes
     * full-width punctuation such as "：" as {@code &#xff1a;}.
     */
    public static String plain(String html) {
        return html == null ? "" : HtmlUtils.htmlUnescape(html.replaceAll("<[^>]+>", " ")).replace('\u00a0', ' ')
                .replaceAll("\\s+", " ").strip();
    }
}
