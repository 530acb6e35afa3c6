package gongkai.search.internal;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The forms people type for an organisation's name besides the name itself. Leaving out the front (宜春市民政局 →
 * 市民政局, 民政局) needs nothing here, since a suggestion matches any part of a form; what does are the usual
 * contractions of Chinese administrative names (人民政府 → 政府, 管理委员会 → 管委会, 环境保护局 → 环保局 …), which
 * are not parts of the full name.
 */
public final class ShortNames {

    /** Longest first, so that 人民政府办公室 is contracted before 人民政府. */
    private static final Map<String, String> CONTRACTIONS = contractions();

    /**
     * Parts of names that a match may take whole or leave alone, but not start or end inside: every 人民政府 holds
     * 民政 (civil affairs), and 民政 should find the 民政局, not every county government.
     */
    private static final java.util.List<String> WHOLE = java.util.List.of("人民政府");

    private ShortNames() {
    }

    /** Whether the (folded) form holds the (folded) word somewhere that cuts no {@link #WHOLE} part in two. */
    public static boolean contains(String form, String word) {
        for (int at = form.indexOf(word); at >= 0; at = form.indexOf(word, at + 1)) {
            if (!cuts(form, at) && !cuts(form, at + word.length())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the position lies strictly inside one of the form's {@link #WHOLE} parts. */
    private static boolean cuts(String form, int position) {
        for (String whole : WHOLE) {
            for (int at = form.indexOf(whole); at >= 0; at = form.indexOf(whole, at + 1)) {
                if (position > at && position < at + whole.length()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The name, each contraction alone, and all of them together; folded as the index folds text. */
    public static Set<String> of(String name) {
        Set<String> forms = new LinkedHashSet<>();
        String folded = Vocabulary.fold(name);
        forms.add(folded);
        String all = folded;
        for (Map.Entry<String, String> c : CONTRACTIONS.entrySet()) {
            if (folded.contains(c.getKey())) {
                forms.add(folded.replace(c.getKey(), c.getValue()));
            }
            all = all.replace(c.getKey(), c.getValue());
        }
        forms.add(all);
        return forms;
    }

    private static Map<String, String> contractions() {
        Map<String, String> c = new java.util.LinkedHashMap<>();
        c.put("人民政府办公室", "政府办");
        c.put("文化广电新闻出版旅游局", "文广新旅局");
        c.put("文化广电新闻出版局", "文广新局");
        c.put("卫生和计划生育委员会", "卫计委");
        c.put("市场和质量监督管理局", "市场监管局");
        c.put("经济技术开发区", "经开区");
        c.put("扶贫和移民办公室", "扶贫移民办");
        c.put("卫生健康委员会", "卫健委");
        c.put("市场监督管理局", "市场监管局");
        c.put("风景名胜区", "风景区");
        c.put("管理委员会", "管委会");
        c.put("环境保护局", "环保局");
        c.put("人民政府", "政府");
        return c;
    }
}
