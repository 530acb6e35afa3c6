package gongkai.opendata.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.ibm.icu.text.Transliterator;

import gongkai.catalog.CatalogField;
import gongkai.opendata.ColumnType;
import gongkai.opendata.DatasetColumn;

/**
 * The columns of a dataset: the item's fields, named in the code form of a header by their pinyin ({@code 发放金额} is
 * {@code fa_fang_jin_e}), then the columns that say which record a row came from. Pinyin keeps the codes readable to
 * a Chinese reuser and stable while the field keeps its name; two fields that read alike get {@code _2}.
 */
public final class FieldCodes {

    /** The columns every dataset ends with. */
    public static final List<DatasetColumn> FIXED = List.of(
            new DatasetColumn("index_no", "索引号", ColumnType.TEXT, true),
            new DatasetColumn("record_title", "信息名称", ColumnType.TEXT, true),
            new DatasetColumn("publisher", "发布机构", ColumnType.TEXT, true),
            new DatasetColumn("region_code", "区划代码", ColumnType.TEXT, true),
            new DatasetColumn("region_name", "区划名称", ColumnType.TEXT, true),
            new DatasetColumn("period", "报告期", ColumnType.TEXT, true),
            new DatasetColumn("published_on", "发布日期", ColumnType.DATE, true));

    private static final Transliterator PINYIN = Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower");

    private FieldCodes() {
    }

    public static List<DatasetColumn> columns(List<CatalogField> fields) {
        Set<String> taken = new HashSet<>();
        FIXED.forEach(c -> taken.add(c.code()));
        List<DatasetColumn> out = new ArrayList<>();
        for (CatalogField f : fields) {
            String base = code(f.name());
            String code = base;
            for (int n = 2; !taken.add(code); n++) {
                code = base + "_" + n;
            }
            out.add(new DatasetColumn(code, f.name(), ColumnType.of(f.type()), false));
        }
        out.addAll(FIXED);
        return List.copyOf(out);
    }

    /** The ASCII code of a field name: its pinyin without tones, words joined by underscores. */
    static String code(String name) {
        String latin;
        synchronized (PINYIN) {
            latin = PINYIN.transliterate(name);
        }
        String code = latin.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (code.isEmpty()) {
            return "field";
        }
        return Character.isDigit(code.charAt(0)) ? "f_" + code : code;
    }
}
