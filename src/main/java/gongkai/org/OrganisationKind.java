package gongkai.org;

/**
 * The kinds of organisation, with their Chinese names: the government bodies of organisations.csv, and the public
 * institutions and social organisations that disclose under a government body's supervision (plan 三.2, 三.4), and the
 * key-pollutant enterprises that upload their monitoring results (plan 二.5).
 */
public enum OrganisationKind {
    GOVERNMENT_OFFICE("政府办公室"),
    DEPARTMENT("市直部门"),
    COUNTY_GOVERNMENT("县级人民政府"),
    DISTRICT_COMMITTEE("功能区管委会"),
    PUBLIC_INSTITUTION("公共企事业单位"),
    SOCIAL_ORGANISATION("社会组织（慈善组织）"),
    /**
     * 重点排污单位: an enterprise on the key-pollutant list that uploads its self-monitoring results under the
     * environment bureau. It discloses no government information: no catalogue duties, assessment or annual report.
     */
    ENTERPRISE("重点排污单位");

    private final String label;

    OrganisationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A public institution or social organisation: supervised by a regulator, not a government body. */
    public boolean isInstitution() {
        return this == PUBLIC_INSTITUTION || this == SOCIAL_ORGANISATION;
    }

    /** A body that discloses under the regulation (catalogue, requests, annual report): every kind but an enterprise. */
    public boolean disclosesInformation() {
        return this != ENTERPRISE;
    }

    /** A county government or district committee: answers for the items with county owners in its area. */
    public boolean isCountyBody() {
        return this == COUNTY_GOVERNMENT || this == DISTRICT_COMMITTEE;
    }

    public static OrganisationKind fromReference(String kind) {
        return switch (kind.strip().toLowerCase()) {
            case "government office" -> GOVERNMENT_OFFICE;
            case "department" -> DEPARTMENT;
            case "county government" -> COUNTY_GOVERNMENT;
            case "district committee" -> DISTRICT_COMMITTEE;
            case "public institution" -> PUBLIC_INSTITUTION;
            case "social organisation" -> SOCIAL_ORGANISATION;
            default -> throw new IllegalArgumentException("Unknown organisation kind: " + kind);
        };
    }
}
