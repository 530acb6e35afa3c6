package gongkai.shared;

/** Plain text of sanitised HTML, for checks and indexes that read words rather than markup. */
public final class HtmlText {

    private HtmlText() {
    }

    public static String plain(String html) {
        return html == null ? "" : html.replaceAll("<[^>]+>", " ").replace("&nbsp;", " ").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&#34;", "\"").replace("&#39;", "'").replace("&amp;", "&")
                .replaceAll("\\s+", " ").strip();
    }
}
