package gongkai.reporting;

/**
 * The figures of table 二 that come from systems outside this platform (the approval, enforcement and finance
 * systems), entered by staff with their source noted, under the clause of 条例 第二十条 that heads their block.
 */
public enum EnteredFigure {
    LICENSING("行政许可", "第二十条第（五）项", "本年处理决定数量"),
    PUNISHMENT("行政处罚", "第二十条第（六）项", "本年处理决定数量"),
    COERCION("行政强制", "第二十条第（六）项", "本年处理决定数量"),
    FEES("行政事业性收费", "第二十条第（八）项", "本年收费金额（单位：万元）");

    private final String label;
    private final String clause;
    private final String column;

    EnteredFigure(String label, String clause, String column) {
        this.label = label;
        this.clause = clause;
        this.column = column;
    }

    public String label() {
        return label;
    }

    public String clause() {
        return clause;
    }

    /** The heading of the column the figure goes in. */
    public String column() {
        return column;
    }

    /** An amount in 万元 rather than a count of decisions. */
    public boolean amount() {
        return this == FEES;
    }
}
