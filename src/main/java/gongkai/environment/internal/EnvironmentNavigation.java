package gongkai.environment.internal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import gongkai.environment.AirQualityData;
import gongkai.shared.Actor;

/**
 * Whether the signed-in person works the environment office's data desk, asked of the rule the desk applies, so that
 * the back office's navigation offers {@code /admin/environment} only to those it will not refuse.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class EnvironmentNavigation {

    private final AirQualityData air;

    EnvironmentNavigation(AirQualityData air) {
        this.air = air;
    }

    @ModelAttribute("mayOpenEnvironment")
    boolean mayOpenEnvironment() {
        return Actor.current().map(air::mayImport).orElse(false);
    }
}
