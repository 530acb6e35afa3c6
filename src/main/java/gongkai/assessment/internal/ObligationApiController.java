package gongkai.assessment.internal;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import gongkai.assessment.Obligation;
import gongkai.assessment.ObligationChanges;
import gongkai.assessment.ObligationStatus;
import gongkai.assessment.Obligations;
import gongkai.org.Organisations;
import gongkai.shared.Actor;
import gongkai.shared.InvalidInputProblem;

/** {@code /api/v1/obligations}: 公开情况 as data, and the exemptions and events staff add (API.md). */
@RestController
class ObligationApiController {

    private final Obligations obligations;
    private final ObligationChanges changes;
    private final Organisations organisations;
    private final StatusYears years;

    ObligationApiController(Obligations obligations, ObligationChanges changes, Organisations organisations,
            StatusYears years) {
        this.obligations = obligations;
        this.changes = changes;
        this.organisations = organisations;
        this.years = years;
    }

    @GetMapping("/api/v1/obligations")
    List<Obligation> list(@RequestParam(required = false) String org, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String status) {
        if (org != null && !org.isBlank() && !organisations.exists(org.strip())) {
            throw new InvalidInputProblem("org", "没有代码为“" + org + "”的机构。");
        }
        return obligations.find(years.require(year), org == null ? null : org.strip(),
                ObligationStatus.filter(status));
    }

    record Created(long id) {
    }

    @PostMapping("/api/v1/obligations/exemptions")
    @ResponseStatus(HttpStatus.CREATED)
    Created exempt(@RequestBody ObligationChanges.NewExemption in) {
        return new Created(changes.exempt(in, Actor.require()));
    }

    @PostMapping("/api/v1/obligations/events")
    @ResponseStatus(HttpStatus.CREATED)
    Created event(@RequestBody ObligationChanges.NewEvent in) {
        return new Created(changes.recordEvent(in, Actor.require()));
    }
}
