package gongkai.emergency.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import gongkai.emergency.DonationCampaign;
import gongkai.emergency.Donations;
import gongkai.emergency.Emergencies;
import gongkai.emergency.Emergency;
import gongkai.emergency.EmergencyUpdate;
import gongkai.emergency.NewEmergency;
import gongkai.emergency.NewEmergencyUpdate;

/**
 * Emergencies in the API: a response body's APPROVER (or the city office's ADMIN) declares and ends one; its bodies
 * post updates (through review, or urgent under the fast path) and a second person confirms urgent ones; anyone reads
 * the published timeline, the current needs and the figures over time.
 */
@RestController
class EmergencyApiController {

    private final Emergencies emergencies;
    private final Donations donations;

    EmergencyApiController(Emergencies emergencies, Donations donations) {
        this.emergencies = emergencies;
        this.donations = donations;
    }

    record Created(long id) {
    }

    /** An update posted: its id and the record it became (an index number when published at once, else a draft key). */
    record Posted(long id, String record, String recordStatus) {
    }

    record Ending(String statement) {
    }

    /** An emergency in a list. */
    record Summary(long id, String kind, String kindName, String title, String status, Instant occurredAt,
            Instant endedAt, String leadOrg, List<String> areas, boolean demo) {
        static Summary of(Emergency e) {
            return new Summary(e.id(), e.kind().name(), e.kind().label(), e.title(), e.ended() ? "ENDED" : "ACTIVE",
                    e.occurredAt(), e.endedAt(), e.leadOrg(), e.areas().stream().map(a -> a.code()).toList(),
                    e.demo());
        }
    }

    /** One published update of the timeline. */
    record Update(long id, String kind, String kindName, String title, String summary, Instant asOf, String period,
            String indexNo, String org, boolean urgent, boolean confirmed, Map<String, BigDecimal> figures,
            List<NewEmergencyUpdate.Need> needs) {
        static Update of(EmergencyUpdate u) {
            return new Update(u.id(), u.kind().name(), u.kind().label(), u.title(), u.summary(), u.asOf(), u.period(),
                    u.indexNo(), u.org(), u.urgent(), u.confirmedAt() != null, u.figures(), u.needs());
        }
    }

    record Area(String code, String name) {
    }

    record Body(String code, String name) {
    }

    /** The whole emergency as the public sees it. */
    record Detail(long id, String kind, String kindName, String title, String summary, String status,
            Instant occurredAt, Instant declaredAt, Instant endedAt, String endStatement, String leadOrg,
            List<Area> areas, List<Body> bodies, List<Long> warnings, List<Long> campaigns, Update currentNeeds,
            List<Update> figures, List<Update> timeline, boolean demo) {
    }

    @GetMapping("/api/v1/emergencies")
    List<Summary> list() {
        return emergencies.all().stream().map(Summary::of).toList();
    }

    @GetMapping("/api/v1/emergencies/{id}")
    Detail one(@PathVariable long id) {
        Emergency e = emergencies.get(id);
        return new Detail(e.id(), e.kind().name(), e.kind().label(), e.title(), e.summary(),
                e.ended() ? "ENDED" : "ACTIVE", e.occurredAt(), e.declaredAt(), e.endedAt(), e.endStatement(),
                e.leadOrg(), e.areas().stream().map(a -> new Area(a.code(), a.name())).toList(),
                e.bodies().stream().map(b -> new Body(b.code(), b.name())).toList(), e.warningIds(),
                donations.campaignsFor(id).stream().map(DonationCampaign::id).toList(),
                emergencies.currentNeeds(id).map(Update::of).orElse(null),
                emergencies.figureSeries(id).stream().map(Update::of).toList(),
                emergencies.timeline(id, false).stream().map(Update::of).toList(), e.demo());
    }

    @PostMapping("/api/v1/emergencies")
    @ResponseStatus(HttpStatus.CREATED)
    Created declare(@RequestBody NewEmergency in) {
        return new Created(emergencies.declare(in));
    }

    @PostMapping("/api/v1/emergencies/{id}/updates")
    @ResponseStatus(HttpStatus.CREATED)
    Posted post(@PathVariable long id, @RequestBody NewEmergencyUpdate in) {
        long update = emergencies.post(id, in);
        EmergencyUpdate u = emergencies.update(id, update);
        return new Posted(update, u.recordRef(), u.recordStatus().name());
    }

    @PostMapping("/api/v1/emergencies/{id}/updates/{updateId}/confirm")
    Update confirm(@PathVariable long id, @PathVariable long updateId) {
        return Update.of(emergencies.confirm(id, updateId));
    }

    @PostMapping("/api/v1/emergencies/{id}/end")
    Summary end(@PathVariable long id, @RequestBody(required = false) Ending in) {
        return Summary.of(emergencies.end(id, in == null ? null : in.statement()));
    }
}
