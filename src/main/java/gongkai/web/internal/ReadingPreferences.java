package gongkai.web.internal;

import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A reader's choices for how pages read: 长者模式 (关怀版), the text size and the script (简体/繁體). They are
 * preferences, not data: kept in cookies, one year, for the whole site. A {@code ?lang=zh-Hant} or {@code ?lang=zh-Hans}
 * in the address decides the script of that request (and {@link ReadingFilter} keeps it in the cookie).
 */
record ReadingPreferences(boolean elder, TextSize size, boolean traditional) {

    static final String ELDER_COOKIE = "reading_elder";
    static final String SIZE_COOKIE = "reading_size";
    static final String LANG_COOKIE = "reading_lang";
    static final String HANT = "zh-Hant";
    static final String HANS = "zh-Hans";
    static final Locale TRADITIONAL = Locale.forLanguageTag(HANT);
    static final Locale SIMPLIFIED = Locale.forLanguageTag(HANS);

    static final ReadingPreferences DEFAULT = new ReadingPreferences(false, TextSize.STANDARD, false);

    private static final String ATTRIBUTE = ReadingPreferences.class.getName();

    /** 字号: standard, large, extra large; each scales the root font size. */
    enum TextSize {
        STANDARD("standard", "标准", ""), LARGE("large", "大", "text-large"), XLARGE("xlarge", "特大", "text-xlarge");

        final String value;
        final String label;
        final String htmlClass;

        TextSize(String value, String label, String htmlClass) {
            this.value = value;
            this.label = label;
            this.htmlClass = htmlClass;
        }

        static TextSize of(String value) {
            for (TextSize size : values()) {
                if (size.value.equals(value)) {
                    return size;
                }
            }
            return null;
        }
    }

    /** The preferences this request is rendered with: its cookies, and a {@code lang} in its address. */
    static ReadingPreferences of(HttpServletRequest request) {
        Object known = request.getAttribute(ATTRIBUTE);
        if (known instanceof ReadingPreferences p) {
            return p;
        }
        boolean elder = false;
        TextSize size = TextSize.STANDARD;
        boolean traditional = false;
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                switch (cookie.getName()) {
                    case ELDER_COOKIE -> elder = "on".equals(cookie.getValue());
                    case SIZE_COOKIE -> {
                        TextSize s = TextSize.of(cookie.getValue());
                        size = s != null ? s : TextSize.STANDARD;
                    }
                    case LANG_COOKIE -> traditional = HANT.equals(cookie.getValue());
                    default -> {
                    }
                }
            }
        }
        String asked = langInAddress(request);
        if (asked != null) {
            traditional = asked.equals(HANT);
        }
        ReadingPreferences p = new ReadingPreferences(elder, size, traditional);
        request.setAttribute(ATTRIBUTE, p);
        return p;
    }

    /**
     * {@code zh-Hant} or {@code zh-Hans} when the query string asks for it, else null. Read from the raw query, not
     * the parameters: this runs before {@link TextInputFilter} has checked them, and must not be the first to trip
     * over a badly encoded one.
     */
    static String langInAddress(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null || !query.contains("lang=")) {
            return null;
        }
        String found = null;
        for (String pair : query.split("&")) {
            if (pair.equalsIgnoreCase("lang=" + HANT)) {
                found = HANT;
            } else if (pair.equalsIgnoreCase("lang=" + HANS)) {
                found = HANS;
            }
        }
        return found;
    }

    /** The classes of the page's {@code <html>}: {@code elder}, {@code text-large}, {@code text-xlarge}. */
    String htmlClass() {
        String classes = ((elder ? "elder " : "") + size.htmlClass).strip();
        return classes.isEmpty() ? null : classes;
    }

    String lang() {
        return traditional ? HANT : HANS;
    }

    Locale locale() {
        return traditional ? TRADITIONAL : SIMPLIFIED;
    }

    /** What a kept public page differs by: empty for the default, so those keys stay the plain address. */
    String cacheVariant() {
        return equals(DEFAULT) ? "" : (elder ? "e" : "") + size.value.charAt(0) + (traditional ? "t" : "s") + '|';
    }
}
