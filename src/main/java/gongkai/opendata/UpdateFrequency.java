package gongkai.opendata;

import gongkai.catalog.PublicationSchedule;

/**
 * How often a dataset is updated, from its catalogue item's schedule, with the EU frequency vocabulary that DCAT-AP
 * uses ({@code http://publications.europa.eu/resource/authority/frequency/}).
 */
public enum UpdateFrequency {
    IRREGULAR("IRREG", "不定期"),
    MONTHLY("MONTHLY", "每月"),
    QUARTERLY("QUARTERLY", "每季度"),
    ANNUAL("ANNUAL", "每年");

    private static final String VOCABULARY = "http://publications.europa.eu/resource/authority/frequency/";

    private final String euCode;
    private final String label;

    UpdateFrequency(String euCode, String label) {
        this.euCode = euCode;
        this.label = label;
    }

    public static UpdateFrequency of(PublicationSchedule schedule) {
        return switch (schedule.kind()) {
            case MONTHLY -> MONTHLY;
            case QUARTERLY -> QUARTERLY;
            case YEARLY -> ANNUAL;
            default -> IRREGULAR;
        };
    }

    public String label() {
        return label;
    }

    public String euCode() {
        return euCode;
    }

    public String uri() {
        return VOCABULARY + euCode;
    }
}
