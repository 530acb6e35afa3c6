package gongkai.web.internal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import gongkai.shared.Actor;
import gongkai.shared.GongkaiProperties;

/** What every page's layout needs: the demo-data mark and who is signed in. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class GlobalModel {

    private final GongkaiProperties properties;

    GlobalModel(GongkaiProperties properties) {
        this.properties = properties;
    }

    @ModelAttribute("demoMode")
    boolean demoMode() {
        return properties.demo();
    }

    @ModelAttribute("signedIn")
    String signedIn() {
        return Actor.current().map(Actor::username).orElse(null);
    }
}
