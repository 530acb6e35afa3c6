package gongkai.org;

/** The kinds of organisation in organisations.csv, with their Chinese names. */
public enum OrganisationKind {
    GOVERNMENT_OFFICE("政府办公室"),
    DEPARTMENT("市直部门"),
    COUNTY_GOVERNMENT("县级人民政府"),
    DISTRICT_COMMITTEE("功能区管委会"),
    PUBLIC_INSTITUTION("公共企事业单位");

    private final String label;

    OrganisationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static OrganisationKind fromReference(String kind) {
        return switch (kind.strip().toLowerCase()) {
            case "government office" -> GOVERNMENT_OFFICE;
            case "department" -> DEPARTMENT;
            case "county government" -> COUNTY_GOVERNMENT;
            case "district committee" -> DISTRICT_COMMITTEE;
            case "public institution" -> PUBLIC_INSTITUTION;
            default -> throw new IllegalArgumentException("Unknown organisation kind: " + kind);
        };
    }
}
