package gongkai.web.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.ibm.icu.text.Transliterator;

/**
 * Simplified Chinese to Traditional (繁體) for the Traditional view: ICU4J's {@code Hans-Hant} transliterator, with a
 * table of phrases it gets wrong ({@code hant/phrases.tsv}, applied first, longest phrase wins). ICU works character by
 * character with few phrases, so 发布 would come out as 發佈 and 答复 as 答復; the table holds the words of this site
 * that need another form, and {@code hant/word-list.tsv} in the tests checks the result.
 */
final class TraditionalScript {

    private static final Map<String, String> PHRASES = load("hant/phrases.tsv");
    private static final int LONGEST = PHRASES.keySet().stream().mapToInt(String::length).max().orElse(0);

    /** ICU transliterators keep state while they work: one per thread. */
    private static final ThreadLocal<Transliterator> ICU = ThreadLocal
            .withInitial(() -> Transliterator.getInstance("Hans-Hant"));

    private TraditionalScript() {
    }

    /** The text in Traditional script; text without CJK characters comes back as it was. */
    static String of(String text) {
        if (!hasHan(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int plain = 0;
        int i = 0;
        while (i < text.length()) {
            if (!isHan(text.charAt(i))) {
                i++;
                continue;
            }
            int length = Math.min(LONGEST, text.length() - i);
            String phrase = null;
            while (length > 0 && (phrase = PHRASES.get(text.substring(i, i + length))) == null) {
                length--;
            }
            if (phrase == null) {
                i++;
                continue;
            }
            out.append(ICU.get().transliterate(text.substring(plain, i))).append(phrase);
            i += length;
            plain = i;
        }
        return out.append(ICU.get().transliterate(text.substring(plain))).toString();
    }

    static boolean hasHan(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (isHan(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHan(char c) {
        return c >= 0x3400 && c <= 0x9FFF || c >= 0xF900 && c <= 0xFAFF;
    }

    private static Map<String, String> load(String resource) {
        Map<String, String> phrases = new HashMap<>();
        try (InputStream in = TraditionalScript.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                if (parts.length != 2 || parts[0].length() != parts[1].length() || parts[0].isEmpty()) {
                    throw new IllegalStateException(resource + ": not 'phrase<TAB>traditional' of equal length: "
                            + line);
                }
                phrases.put(parts[0], parts[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(phrases);
    }
}
