package gongkai.org;

/**
 * 机构: an organisation that discloses government information.
 *
 * @param code         our short stable code (used in paths and data)
 * @param name         the current name
 * @param planRole     what the plan makes it responsible for
 * @param creditCode   统一社会信用代码 where recorded (the prefix of index numbers); null until an admin enters it
 * @param leader       分管领导: the leader responsible for disclosure in the public-welfare fields (plan 三.1)
 * @param liaison      the disclosure liaison (信息公开联络员)
 * @param contactsDemo true when leader and liaison are fictitious demo data (示例数据)
 * @param regulator    for an institution, the code of the government body that supervises its disclosure (主管部门);
 *                     null for government bodies
 * @param sector       for an institution, its sector (school, hospital, water …); null for government bodies
 * @param demo         true when the organisation itself is fictitious demo data (示例数据)
 */
public record Organisation(String code, String name, OrganisationKind kind, String regionCode, String planRole,
        String creditCode, Leader leader, Liaison liaison, String address, String officePhone, boolean contactsDemo,
        String regulator, InstitutionSector sector, boolean demo) {

    /** 分管领导: name and post; empty strings where not yet entered. */
    public record Leader(String name, String post) {
        public boolean isKnown() {
            return !name.isBlank();
        }
    }

    /** 信息公开联络员. */
    public record Liaison(String name, String phone, String email) {
        public boolean isKnown() {
            return !name.isBlank();
        }
    }

    /** A public institution or social organisation, disclosing under its regulator's supervision. */
    public boolean isInstitution() {
        return kind.isInstitution();
    }

    /** The prefix of this organisation's index numbers: its credit code when recorded, else our code. */
    public String indexPrefix() {
        return creditCode != null && !creditCode.isBlank() ? creditCode : code;
    }
}
