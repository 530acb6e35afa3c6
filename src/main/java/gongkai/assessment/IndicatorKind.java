package gongkai.assessment;

import java.math.BigDecimal;

/**
 * What an assessment indicator measures (issue 13): each kind has one rule that turns a body's year into a score of
 * 0 to 100. The city office names and weighs the indicators per year; the rules are the platform's, written in the
 * README.
 */
public enum IndicatorKind {
    OBLIGATIONS("主动公开时效和完整性", "30"),
    INTERPRETATION("政策解读", "15"),
    REQUESTS("依申请公开办理", "20"),
    COMPLAINTS("投诉举报办理", "0"),
    SUPERVISION("督查整改", "20"),
    WEBSITE("网站自查", "15");

    private final String label;
    private final BigDecimal defaultWeight;

    IndicatorKind(String label, String defaultWeight) {
        this.label = label;
        this.defaultWeight = new BigDecimal(defaultWeight);
    }

    public String label() {
        return label;
    }

    /**
     * The weight a year starts with until the city office sets its own. Complaints weigh nothing until the feedback
     * module (issue 17) records them.
     */
    public BigDecimal defaultWeight() {
        return defaultWeight;
    }
}
