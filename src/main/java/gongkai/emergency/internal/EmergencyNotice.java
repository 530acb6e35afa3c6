package gongkai.emergency.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import gongkai.emergency.Emergencies;
import gongkai.emergency.Emergency;

/**
 * The emergencies still in response, for the home page ({@code emergenciesInResponse}), so that a resident who lands
 * there during a flood finds its needs and updates in one step. Read only for the home page, which is kept between
 * changes; declaring or ending an emergency drops it.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class EmergencyNotice {

    private final Emergencies emergencies;

    EmergencyNotice(Emergencies emergencies) {
        this.emergencies = emergencies;
    }

    @ModelAttribute("emergenciesInResponse")
    List<Emergency> emergenciesInResponse(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!"/".equals(path)) {
            return List.of();
        }
        return emergencies.all().stream().filter(e -> !e.ended()).toList();
    }
}
