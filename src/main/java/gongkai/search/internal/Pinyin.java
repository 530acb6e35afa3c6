package gongkai.search.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.text.Transliterator;

/** How a Chinese character sounds, without tones (低 and 底 both "di"), by ICU's Han-Latin; remembered per character. */
final class Pinyin {

    private static final Transliterator HAN_LATIN = Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower");
    private static final Map<Character, String> SOUNDS = new ConcurrentHashMap<>();

    private Pinyin() {
    }

    static String of(char c) {
        return SOUNDS.computeIfAbsent(c, k -> {
            synchronized (HAN_LATIN) {
                return HAN_LATIN.transliterate(String.valueOf(k)).strip();
            }
        });
    }
}
