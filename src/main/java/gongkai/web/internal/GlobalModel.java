package gongkai.web.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import gongkai.shared.Actor;
import gongkai.shared.GongkaiProperties;
import gongkai.shared.Role;

/**
 * What every page's layout needs: the demo-data mark, whether the API description is served, who is signed in, and
 * which back-office pages they may open.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class GlobalModel {

    private final GongkaiProperties properties;
    private final boolean apiDocs;
    private final SiteProperties site;

    GlobalModel(GongkaiProperties properties, @Value("${springdoc.api-docs.enabled:true}") boolean apiDocs,
            SiteProperties site) {
        this.properties = properties;
        this.site = site;
        this.apiDocs = apiDocs;
    }

    /** Whether the API description is served, so that the footer links to it only then (README, "Operations"). */
    @ModelAttribute("apiDocs")
    boolean apiDocs() {
        return apiDocs;
    }

    /** The footer's configured items (site identifier, ICP record, 党政机关 mark, contact). */
    @ModelAttribute("site")
    SiteProperties site() {
        return site;
    }

    @ModelAttribute("demoMode")
    boolean demoMode() {
        return properties.demo();
    }

    @ModelAttribute("signedIn")
    String signedIn() {
        return Actor.current().map(Actor::username).orElse(null);
    }

    /** A signed-in resident: the back office would refuse them, so the public pages do not offer it. */
    @ModelAttribute("signedInResident")
    boolean signedInResident() {
        return Actor.current().map(Actor::isResident).orElse(false);
    }

    /**
     * The back-office sections beyond what every member of staff opens, as the pages' own checks decide them:
     * residents' confirmation for admins, the audit trail for admins and auditors, the transparency log's upkeep
     * for the city office's admins. The navigation shows a link only to those it will not refuse.
     */
    @ModelAttribute("mayOpen")
    java.util.Map<String, Boolean> mayOpen() {
        return Actor.current().map(a -> java.util.Map.of(
                "residents", a.has(Role.ADMIN),
                "audit", a.has(Role.ADMIN) || a.has(Role.AUDITOR),
                "ledger", a.cityWide() && a.has(Role.ADMIN))).orElse(java.util.Map.of());
    }
}
