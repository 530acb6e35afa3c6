package gongkai.privacy;

import java.util.Objects;

/**
 * One piece of personal data found in a text. It never holds the data itself, only where it is and masked forms of
 * it, so that a finding can be stored, logged and shown without leaking what it found.
 *
 * @param where      the place scanned, in Chinese, as the caller named it (标题, 正文, 数据第3行“联系电话”)
 * @param start      offset of the first character in the scanned text (UTF-16 index, as {@link String#substring})
 * @param end        offset just past the last character
 * @param shown      the match as it may be shown to the editor, already masked (an ID number keeps only its last
 *                   four characters)
 * @param suggestion what the editor may replace the match with: the same masking as on public output
 * @param maskable   whether the one-click masking can replace it: false when the data was hidden by markup that
 *                   the span cuts through, or when the caller says the place cannot be edited that way (an
 *                   attachment); such a finding must be removed by hand
 */
public record Finding(PersonalDataKind kind, String where, int start, int end, String shown, String suggestion,
        boolean maskable) {

    public Finding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(shown, "shown");
        Objects.requireNonNull(suggestion, "suggestion");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("a finding spans at least one character: " + start + ".." + end);
        }
    }

    /** The same finding, to be removed by hand: its place cannot be masked in one click. */
    public Finding byHandOnly() {
        return new Finding(kind, where, start, end, shown, suggestion, false);
    }

    /** The finding as one sentence for the editor, e.g. 正文中有手机号码“139****1234”，建议改为“139****1234”。 */
    public String message() {
        return where + "中有" + kind.label() + "“" + shown + "”，建议改为“" + suggestion + "”。";
    }
}
