package gongkai.org.internal;

import gongkai.org.Organisation;
import gongkai.org.OrganisationKind;

/**
 * Fictitious handling-office details for the demo profile, so that a demo 政府信息公开指南 reads as a real one would;
 * shown with the 示例数据 mark like the demo leader and liaison. Phone and fax numbers are numbered by the
 * organisation's place in the directory; e-mail addresses use the reserved example.org domain.
 */
public final class DemoOffice {

    private DemoOffice() {
    }

    public static Organisation.Office of(Organisation org, String regionName, int n) {
        String office = org.kind() == OrganisationKind.GOVERNMENT_OFFICE ? org.name() + "政务公开科"
                : org.name() + "办公室";
        return new Organisation.Office(office, regionName + "示例路" + n + "号",
                "周一至周五（法定节假日除外）上午8:30—12:00，下午14:30—17:30", String.format("0795-37%05d", 10000 + n),
                String.format("0795-36%05d", 10000 + n), "336000", "xxgk-" + org.code() + "@example.org");
    }
}
