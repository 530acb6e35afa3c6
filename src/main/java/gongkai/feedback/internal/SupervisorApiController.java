package gongkai.feedback.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import gongkai.feedback.NewSupervisor;
import gongkai.feedback.SupervisorAppointed;
import gongkai.feedback.Supervisors;
import gongkai.shared.Actor;

/** {@code POST /api/v1/supervisors} (API.md): the city office's ADMIN appoints a social supervisor. */
@RestController
class SupervisorApiController {

    private final Supervisors supervisors;

    SupervisorApiController(Supervisors supervisors) {
        this.supervisors = supervisors;
    }

    @PostMapping("/api/v1/supervisors")
    @ResponseStatus(HttpStatus.CREATED)
    SupervisorAppointed appoint(@RequestBody NewSupervisor body) {
        return supervisors.appoint(body, Actor.require());
    }
}
