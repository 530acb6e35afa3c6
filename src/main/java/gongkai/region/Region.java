package gongkai.region;

/**
 * 行政区划: one administrative division.
 *
 * @param code         GB/T 2260 code, or the 9/12-digit statistical code below county level and for the special districts
 * @param parentCode   the division it belongs to; null for the city
 * @param codeStandard where the code comes from (GB/T 2260, NBS statistical code, or local)
 */
public record Region(String code, String name, RegionKind kind, String parentCode, String codeStandard) {

    public boolean isCountyLevel() {
        return kind.level() == 2;
    }
}
