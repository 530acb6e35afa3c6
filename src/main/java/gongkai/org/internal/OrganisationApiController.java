package gongkai.org.internal;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import gongkai.org.Organisation;
import gongkai.org.OrganisationName;
import gongkai.org.Organisations;

/** {@code /api/v1/orgs}: organisations with their responsible leader and liaison, open to everyone. */
@RestController
@RequestMapping("/api/v1/orgs")
class OrganisationApiController {

    private final Organisations organisations;

    OrganisationApiController(Organisations organisations) {
        this.organisations = organisations;
    }

    /**
     * @param handlingOffice the office that handles requests for information (受理机构); with {@code address},
     *                       {@code officeHours}, {@code officePhone}, {@code fax}, {@code postcode} and
     *                       {@code officeEmail}, how to reach it; "" where not recorded
     * @param regulator for an institution, the code of the government body supervising its disclosure; else null
     * @param sector    for an institution, its sector code (school, hospital, water …); else null
     * @param demo      the organisation itself is fictitious demo data (示例数据)
     */
    record OrgView(String code, String name, String kind, String kindLabel, String region, String planRole,
            String creditCode, Organisation.Leader responsibleLeader, Organisation.Liaison liaison,
            String handlingOffice, String address, String officeHours, String officePhone, String fax, String postcode,
            String officeEmail, boolean demoContacts, String regulator, String sector, boolean demo,
            List<OrganisationName> names) {
    }

    @GetMapping
    List<OrgView> list(@RequestParam(required = false) String region) {
        List<Organisation> list = region == null || region.isBlank() ? organisations.all()
                : organisations.inRegion(region);
        return list.stream().map(o -> view(o, null)).toList();
    }

    @GetMapping("/{code}")
    OrgView one(@PathVariable String code) {
        Organisation o = organisations.get(code);
        return view(o, organisations.names(code));
    }

    private static OrgView view(Organisation o, List<OrganisationName> names) {
        return new OrgView(o.code(), o.name(), o.kind().name(), o.kind().label(), o.regionCode(), o.planRole(),
                o.creditCode(), o.leader(), o.liaison(), o.office().name(), o.address(), o.office().hours(),
                o.officePhone(), o.office().fax(), o.office().postcode(), o.office().email(), o.contactsDemo(),
                o.regulator(),
                o.sector() == null ? null : o.sector().code(), o.demo(), names);
    }
}
