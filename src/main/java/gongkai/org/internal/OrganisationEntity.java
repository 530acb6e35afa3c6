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
    private String address;
    private String officePhone;
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

    public Organisation toOrganisation() {
        return new Organisation(code, name, kind, regionCode, planRole, blankToNull(creditCode),
                new Organisation.Leader(nz(leaderName), nz(leaderPost)),
                new Organisation.Liaison(nz(liaisonName), nz(liaisonPhone), nz(liaisonEmail)),
                nz(address), nz(officePhone), contactsDemo, regulator,
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
        address = d.address();
        officePhone = d.officePhone();
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

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
