package gongkai.org;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The sector of a public institution or social organisation (公共企事业单位、社会组织的行业): what its disclosure
 * rules and its catalogue section depend on. The code is what the catalogue's {@code ownerSectors} and the data use.
 */
public enum InstitutionSector {
    SCHOOL("school", "学校", OrganisationKind.PUBLIC_INSTITUTION),
    HOSPITAL("hospital", "医疗卫生机构", OrganisationKind.PUBLIC_INSTITUTION),
    WATER("water", "供水", OrganisationKind.PUBLIC_INSTITUTION),
    POWER("power", "供电", OrganisationKind.PUBLIC_INSTITUTION),
    GAS("gas", "供气", OrganisationKind.PUBLIC_INSTITUTION),
    TRANSPORT("transport", "公共交通", OrganisationKind.PUBLIC_INSTITUTION),
    CHARITY("charity", "慈善组织", OrganisationKind.SOCIAL_ORGANISATION);

    private final String code;
    private final String label;
    private final OrganisationKind kind;

    InstitutionSector(String code, String label, OrganisationKind kind) {
        this.code = code;
        this.label = label;
        this.kind = kind;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The kind of organisation that works in this sector. */
    public OrganisationKind kind() {
        return kind;
    }

    public static Optional<InstitutionSector> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.code.equals(c)).findFirst();
    }

    public static InstitutionSector parse(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("Unknown institution sector: " + code));
    }
}
