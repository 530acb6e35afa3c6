package gongkai.environment.internal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import gongkai.environment.PollutionSources;
import gongkai.org.Organisations;
import gongkai.shared.Actor;

/**
 * What the back-office navigation needs to know of pollution-source monitoring: whether the signed-in person is an
 * enterprise's (who sees only their uploads) and whether they may open the bureau's view.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class PollutionNavigation {

    private final Organisations organisations;
    private final PollutionSources sources;

    PollutionNavigation(Organisations organisations, PollutionSources sources) {
        this.organisations = organisations;
        this.sources = sources;
    }

    @ModelAttribute("enterpriseUser")
    boolean enterpriseUser() {
        return EnterpriseUserFence.isEnterpriseUser(organisations, Actor.current().orElse(null));
    }

    @ModelAttribute("mayOpenPollution")
    boolean mayOpenPollution() {
        return Actor.current().map(sources::maySupervise).orElse(false);
    }
}
