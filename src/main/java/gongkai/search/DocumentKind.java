package gongkai.search;

import java.util.Arrays;
import java.util.Optional;

/**
 * 信息类型: what kind of document a record is, as the search page offers it to narrow the results. Records carry no
 * such field: it is read from what a record has (see {@link #of}).
 */
public enum DocumentKind {
    POLICY("policy", "政策文件"),
    INTERPRETATION("interpretation", "政策解读"),
    DATA("data", "数据表格"),
    OTHER("other", "其他信息");

    private final String code;
    private final String label;

    DocumentKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /**
     * An interpretation says whose policy it explains, whatever else it has. A 文号 is what makes an official
     * document (公文) of a text — the record page shows it beside the index number — so a record that has one is a
     * policy document; the catalogue's policy items are not used, since an item's flag can change without its records
     * changing, and the search copy would then be stale. Rows of structured data (公示 tables) come next; the rest are
     * notices, progress reports and the like.
     */
    public static DocumentKind of(boolean interpretation, String documentNumber, boolean hasRows) {
        if (interpretation) {
            return INTERPRETATION;
        }
        if (documentNumber != null && !documentNumber.isBlank()) {
            return POLICY;
        }
        return hasRows ? DATA : OTHER;
    }

    public static Optional<DocumentKind> byCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }
}
