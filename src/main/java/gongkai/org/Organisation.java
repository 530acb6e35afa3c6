package gongkai.org;

import java.util.ArrayList;
import java.util.List;

/**
 * 机构: an organisation that discloses government information.
 *
 * @param code         our short stable code (used in paths and data)
 * @param name         the current name
 * @param planRole     what the plan makes it responsible for
 * @param creditCode   统一社会信用代码 where recorded (the prefix of index numbers); null until an admin enters it
 * @param leader       分管领导: the leader responsible for disclosure in the public-welfare fields (plan 三.1)
 * @param liaison      the disclosure liaison (信息公开联络员)
 * @param office       the office that handles requests for information (受理机构) and how to reach it
 * @param contactsDemo true when leader, liaison and office are fictitious demo data (示例数据)
 * @param regulator    for an institution, the code of the government body that supervises its disclosure (主管部门);
 *                     null for government bodies
 * @param sector       for an institution, its sector (school, hospital, water …); null for government bodies
 * @param demo         true when the organisation itself is fictitious demo data (示例数据)
 */
public record Organisation(String code, String name, OrganisationKind kind, String regionCode, String planRole,
        String creditCode, Leader leader, Liaison liaison, Office office, boolean contactsDemo,
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

    /**
     * 受理机构: the office that receives requests for information, and how to reach it, as the body's
     * 政府信息公开指南 gives them (条例 第十二条); empty strings where not yet entered.
     *
     * @param name the handling office, e.g. 宜春市民政局办公室
     */
    public record Office(String name, String address, String hours, String phone, String fax, String postcode,
            String email) {

        /** What the guide must give but nobody has entered yet, by its Chinese name, in the guide's order. */
        public List<String> missing() {
            List<String> missing = new ArrayList<>();
            String[][] fields = {{name, "受理机构名称"}, {address, "办公地址"}, {hours, "办公时间"},
                    {phone, "联系电话"}, {fax, "传真"}, {postcode, "邮政编码"}, {email, "电子邮箱"}};
            for (String[] f : fields) {
                if (f[0].isBlank()) {
                    missing.add(f[1]);
                }
            }
            return missing;
        }
    }

    /** The office address (办公地址), where the handling office is. */
    public String address() {
        return office.address();
    }

    /** The office phone (办公电话), the handling office's. */
    public String officePhone() {
        return office.phone();
    }

    /** A public institution or social organisation, disclosing under its regulator's supervision. */
    public boolean isInstitution() {
        return kind.isInstitution();
    }

    /**
     * What the body's disclosure is called on its pages: 政府信息公开, or 信息公开 for an institution, which holds no
     * government information (政府信息 is what administrative bodies make or keep).
     */
    public String disclosureName() {
        return isInstitution() ? "信息公开" : "政府信息公开";
    }

    /** The prefix of this organisation's index numbers: its credit code when recorded, else our code. */
    public String indexPrefix() {
        return creditCode != null && !creditCode.isBlank() ? creditCode : code;
    }
}
