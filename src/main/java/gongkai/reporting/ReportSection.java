package gongkai.reporting;

/** The parts of the report staff write, with the headings of the national format (国办公开办函〔2021〕30号). */
public enum ReportSection {
    OVERVIEW("一、总体情况", true),
    PROBLEMS("五、存在的主要问题及改进情况", true),
    OTHER("六、其他需要报告的事项", false),
    /** Level reports only: besides the assessment taken from the platform, 社会评议 and 责任追究 in words. */
    ACCOUNTABILITY("社会评议和责任追究情况", false);

    /** The longest text a section may hold. */
    public static final int MAX_LENGTH = 20000;

    private final String heading;
    private final boolean required;

    ReportSection(String heading, boolean required) {
        this.heading = heading;
        this.required = required;
    }

    public String heading() {
        return heading;
    }

    /** Must be written before the report goes to review. */
    public boolean required() {
        return required;
    }
}
