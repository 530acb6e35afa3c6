package gongkai.opendata.internal.download;

import java.util.Locale;

import gongkai.opendata.DatasetColumn;
import gongkai.shared.InvalidInputProblem;

/** The header of a CSV or XLSX download: the Chinese labels (the default) or the ASCII field codes. */
public enum HeaderForm {
    LABELS, CODES;

    /** The form a {@code header} parameter names; absent or blank is the labels. */
    public static HeaderForm parse(String text) {
        if (text == null || text.isBlank()) {
            return LABELS;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "labels" -> LABELS;
            case "codes" -> CODES;
            default -> throw new InvalidInputProblem("header", "参数 header 的值“" + text.strip()
                    + "”无效：labels 为中文表头（默认），codes 为字段代码。");
        };
    }

    String of(DatasetColumn column) {
        return this == CODES ? column.code() : column.label();
    }
}
