package gongkai.org.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import gongkai.org.InstitutionSector;
import gongkai.org.Organisation;
import gongkai.org.OrganisationDetails;
import gongkai.org.OrganisationKind;
import gongkai.shared.Timestamped;

@Entity
@Table(name = "organisation")
public class OrganisationEntity extends Timestamped {

    @Id
    private String code;
    private String name;
    @Enumerated(EnumType.STRING)
    private OrganisationKind kind;
    private String regionCode;
    private String planRole;
    private String creditCode;
    private String leaderName;
    private String leaderPost;
    private String liaisonName;
    private String liaisonPhone;
    private String liaisonEmail;
    private String handlingOffice;
    private String address;
    private String officeHours;
    private String officePhone;
    private String fax;
    private String postcode;
    private String officeEmail;
    private boolean contactsDemo;
    private String regulator;
    private String sector;
    private boolean demo;
    private int sortOrder;
    @Version
    private long version;

    protected OrganisationEntity() {
    }

    OrganisationEntity(String code, String name, OrganisationKind kind, String regionCode, String planRole,
            int sortOrder) {
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.regionCode = regionCode;
        this.planRole = planRole;
        this.sortOrder = sortOrder;
    }

    /** An institution under its regulator, registered by an admin. */
    public static OrganisationEntity institution(String code, String name, InstitutionSector sector, String regionCode,
            String regulator, boolean demo, int sortOrder) {
        OrganisationEntity e = new OrganisationEntity(code, name, sector.kind(), regionCode,
                "在主管部门监督下公开本单位信息（实施方案三.2、三.4）", sortOrder);
        e.placeUnder(regulator, sector);
        e.demo = demo;
        return e;
    }

    /** A key-pollutant enterprise under the environment bureau (plan 二.5), registered with its credit code. */
    public static OrganisationEntity enterprise(String code, String name, String creditCode, String regionCode,
            String regulator, boolean demo, int sortOrder) {
        OrganisationEntity e = new OrganisationEntity(code, name, OrganisationKind.ENTERPRISE, regionCode,
                "上传本单位污染源自行监测结果，在生态环境部门监督下公开（实施方案二.5）", sortOrder);
        e.creditCode = creditCode;
        e.regulator = regulator;
        e.demo = demo;
        return e;
    }

    public Organisation toOrganisation() {
        return new Organisation(code, name, kind, regionCode, planRole, blankToNull(creditCode),
                new Organisation.Leader(nz(leaderName), nz(leaderPost)),
                new Organisation.Liaison(nz(liaisonName), nz(liaisonPhone), nz(liaisonEmail)),
                new Organisation.Office(nz(handlingOffice), nz(address), nz(officeHours), nz(officePhone), nz(fax),
                        nz(postcode), nz(officeEmail)),
                contactsDemo, regulator,
                sector == null ? null : InstitutionSector.parse(sector), demo);
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    void rename(String newName) {
        this.name = newName;
    }

    /** Real contacts replace demo ones: once an admin amends them they are no longer 示例数据. */
    public void amend(OrganisationDetails d) {
        leaderName = d.leaderName();
        leaderPost = d.leaderPost();
        liaisonName = d.liaisonName();
        liaisonPhone = d.liaisonPhone();
        liaisonEmail = d.liaisonEmail();
        handlingOffice = d.handlingOffice();
        address = d.address();
        officeHours = d.officeHours();
        officePhone = d.officePhone();
        fax = d.fax();
        postcode = d.postcode();
        officeEmail = d.officeEmail();
        creditCode = blankToNull(d.creditCode());
        contactsDemo = false;
    }

    boolean hasContacts() {
        return leaderName != null && !leaderName.isBlank();
    }

    /** Places an organisation of the reference file under its regulator, in its sector. */
    void placeUnder(String regulator, InstitutionSector sector) {
        this.regulator = regulator;
        this.sector = sector.code();
    }

    public int getSortOrder() {
        return sortOrder;
    }

    public void setDemoContacts(String leaderName, String leaderPost, String liaisonName, String liaisonPhone) {
        this.leaderName = leaderName;
        this.leaderPost = leaderPost;
        this.liaisonName = liaisonName;
        this.liaisonPhone = liaisonPhone;
        this.contactsDemo = true;
    }

    /**
     * Fictitious handling-office details for the demo profile (示例数据), in the fields nobody has entered, while the
     * contacts are still demo ones.
     */
    public void setDemoOffice(Organisation.Office office) {
        if (!contactsDemo) {
            return;
        }
        handlingOffice = orElse(handlingOffice, office.name());
        address = orElse(address, office.address());
        officeHours = orElse(officeHours, office.hours());
        officePhone = orElse(officePhone, office.phone());
        fax = orElse(fax, office.fax());
        postcode = orElse(postcode, office.postcode());
        officeEmail = orElse(officeEmail, office.email());
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
