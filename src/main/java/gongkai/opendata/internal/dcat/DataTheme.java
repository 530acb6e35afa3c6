package gongkai.opendata.internal.dcat;

import java.util.List;
import java.util.Map;

/**
 * The EU data themes ({@code http://publications.europa.eu/resource/authority/data-theme}) that DCAT-AP asks
 * {@code dcat:theme} to take, and which of them each of our fields falls under. Our own field stays a keyword, so a
 * harvester that knows only the EU themes and a reader who knows only ours both find the dataset.
 */
enum DataTheme {
    AGRI("Agriculture, fisheries, forestry and food", "农业、渔业、林业和食品"),
    EDUC("Education, culture and sport", "教育、文化和体育"),
    ENER("Energy", "能源"),
    ENVI("Environment", "环境"),
    GOVE("Government and public sector", "政府和公共部门"),
    HEAL("Health", "卫生"),
    JUST("Justice, legal system and public safety", "司法、法律体系和公共安全"),
    SOCI("Population and society", "人口和社会");

    static final String SCHEME = "http://publications.europa.eu/resource/authority/data-theme";

    /**
     * Our fields (catalogue domain codes) by the themes they fall under. 精准扶贫 in Yichun is rural support, hence
     * agriculture besides society; 灾害事故救援 is public safety and relief of the people it hits; the utilities
     * (water, power, gas, transport) are energy in the EU list, which has no theme of their own.
     */
    private static final Map<String, List<DataTheme>> BY_DOMAIN = Map.ofEntries(
            Map.entry("poverty-alleviation", List.of(SOCI, AGRI)),
            Map.entry("social-assistance", List.of(SOCI)),
            Map.entry("education", List.of(EDUC)),
            Map.entry("health", List.of(HEAL)),
            Map.entry("environment", List.of(ENVI)),
            Map.entry("disaster-relief", List.of(JUST, SOCI)),
            Map.entry("culture-sports", List.of(EDUC)),
            Map.entry("pi-education", List.of(EDUC)),
            Map.entry("pi-health", List.of(HEAL)),
            Map.entry("pi-utilities", List.of(ENER)),
            Map.entry("pi-charity", List.of(SOCI)),
            Map.entry("gov-disclosure", List.of(GOVE)));

    private final String english;
    private final String chinese;

    DataTheme(String english, String chinese) {
        this.english = english;
        this.chinese = chinese;
    }

    /** The themes of a field; government and public sector for a field added later and not yet placed. */
    static List<DataTheme> of(String domainCode) {
        return BY_DOMAIN.getOrDefault(domainCode, List.of(GOVE));
    }

    String uri() {
        return SCHEME + "/" + name();
    }

    String english() {
        return english;
    }

    String chinese() {
        return chinese;
    }
}
