package gongkai.region;

/**
 * 行政区划: one administrative division.
 *
 * @param code         GB/T 2260 code, or the 9/12-digit statistical code below county level and for the special districts
 * @param parentCode   the division it belongs to; null for the city
 * @param codeStandard where the code comes from (GB/T 2260, NBS statistical code, or local)
 */
public record Region(String code, String name, RegionKind kind, String parentCode, String codeStandard) {

    /** Where the code comes from, as residents read it: the reference files name the standard in English. */
    public String codeStandardLabel() {
        if (codeStandard == null) {
            return "";
        }
        return switch (codeStandard) {
            case "GB/T 2260" -> "GB/T 2260 行政区划代码";
            case "NBS statistical code" -> "国家统计局统计用区划代码";
            case "local" -> "本平台编码";
            default -> codeStandard;
        };
    }

    public boolean isCountyLevel() {
        return kind.level() == 2;
    }
}
