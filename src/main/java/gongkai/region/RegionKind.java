package gongkai.region;

/** The level of an administrative division, with the Chinese name shown on pages. */
public enum RegionKind {
    CITY("设区的市", 1),
    DISTRICT("市辖区", 2),
    COUNTY("县", 2),
    COUNTY_CITY("县级市", 2),
    SPECIAL_DISTRICT("功能区", 2),
    SUBDISTRICT("街道", 3),
    TOWN("镇", 3),
    TOWNSHIP("乡", 3),
    OTHER_TOWNSHIP_LEVEL("其他乡级单位", 3),
    VILLAGE("村（社区）", 4);

    private final String label;
    private final int level;

    RegionKind(String label, int level) {
        this.label = label;
        this.level = level;
    }

    public String label() {
        return label;
    }

    /** 1 city, 2 county level, 3 township level, 4 village level. */
    public int level() {
        return level;
    }

    /** The kind named in regions.csv ({@code city}, {@code county-level city}, …). */
    public static RegionKind fromReference(String kind) {
        return switch (kind.strip().toLowerCase()) {
            case "city" -> CITY;
            case "district" -> DISTRICT;
            case "county" -> COUNTY;
            case "county-level city" -> COUNTY_CITY;
            case "special district" -> SPECIAL_DISTRICT;
            case "subdistrict" -> SUBDISTRICT;
            case "town" -> TOWN;
            case "township" -> TOWNSHIP;
            case "village" -> VILLAGE;
            default -> throw new IllegalArgumentException("Unknown region kind: " + kind);
        };
    }

    /** A township-level unit's kind, read from its name as the statistical codes list gives it. */
    public static RegionKind ofTownshipName(String name) {
        if (name.endsWith("街道")) {
            return SUBDISTRICT;
        }
        if (name.endsWith("镇")) {
            return TOWN;
        }
        if (name.endsWith("乡")) {
            return TOWNSHIP;
        }
        return OTHER_TOWNSHIP_LEVEL;
    }
}
