package gongkai.emergency.internal;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import gongkai.emergency.NewWarning;
import gongkai.emergency.Warning;
import gongkai.emergency.Warnings;

/**
 * Warnings in the API: an APPROVER of a warning body publishes, updates and lifts; a second person confirms; anyone
 * reads those in force and each message.
 */
@RestController
class WarningApiController {

    private final Warnings warnings;

    WarningApiController(Warnings warnings) {
        this.warnings = warnings;
    }

    /** The number of the message published. */
    record Published(long id) {
    }

    /** Why a warning is lifted. */
    record Cancellation(String reason) {
    }

    @PostMapping("/api/v1/warnings")
    @ResponseStatus(HttpStatus.CREATED)
    Published issue(@RequestBody NewWarning in) {
        return new Published(warnings.issue(in));
    }

    @PostMapping("/api/v1/warnings/{id}/update")
    @ResponseStatus(HttpStatus.CREATED)
    Published update(@PathVariable long id, @RequestBody NewWarning in) {
        return new Published(warnings.update(id, in));
    }

    @PostMapping("/api/v1/warnings/{id}/cancel")
    @ResponseStatus(HttpStatus.CREATED)
    Published cancel(@PathVariable long id, @RequestBody Cancellation in) {
        return new Published(warnings.cancel(id, in == null ? null : in.reason()));
    }

    @PostMapping("/api/v1/warnings/{id}/confirm")
    Warning confirm(@PathVariable long id) {
        return warnings.confirm(id);
    }

    @GetMapping("/api/v1/warnings")
    List<Warning> inForce() {
        return warnings.inForce();
    }

    @GetMapping("/api/v1/warnings/{id}")
    Warning one(@PathVariable long id) {
        return warnings.get(id);
    }
}
