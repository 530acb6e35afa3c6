package gongkai.feedback.internal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import gongkai.feedback.ComplaintLine;
import gongkai.feedback.ComplaintStatistics;
import gongkai.feedback.ComplaintView;
import gongkai.feedback.Complaints;
import gongkai.feedback.NewComplaint;
import gongkai.shared.Actor;

/**
 * Complaints in the API (API.md): anyone complains; the complainant reads it back with the code; the handling body's
 * staff and the city office read the inbox and the details; the handling body's EDITOR or APPROVER transfers or
 * answers. Without a code a reader must be staff allowed to read it.
 */
@RestController
class ComplaintApiController {

    private final Complaints complaints;

    ComplaintApiController(Complaints complaints) {
        this.complaints = complaints;
    }

    /** What the complainant keeps; the code is shown this once. */
    record Created(String trackingNo, String code, LocalDate dueOn) {
    }

    /** A letter or call entered by staff. */
    record Entered(String org, String category, String subject, String description, String name, String phone,
            boolean anonymous, String channel, LocalDate receivedOn) {
    }

    record Transfer(String org, String reason) {
    }

    record Reply(String text, Boolean substantiated) {
    }

    @PostMapping("/api/v1/complaints")
    @ResponseStatus(HttpStatus.CREATED)
    Created submit(@RequestBody NewComplaint complaint) {
        var r = complaints.submit(complaint);
        return new Created(r.trackingNo(), r.code(), r.dueOn());
    }

    @PostMapping("/api/v1/complaints/entries")
    @ResponseStatus(HttpStatus.CREATED)
    Created enter(@RequestBody Entered e) {
        var r = complaints.enter(new NewComplaint(e.org(), e.category(), e.subject(), e.description(), e.name(),
                e.phone(), e.anonymous()), e.channel(), e.receivedOn(), Actor.require());
        return new Created(r.trackingNo(), r.code(), r.dueOn());
    }

    @GetMapping("/api/v1/complaints/{trackingNo}")
    ComplaintView one(@PathVariable String trackingNo, @RequestParam(required = false) String code) {
        if (code != null) {
            return complaints.track(trackingNo, code);
        }
        return complaints.read(trackingNo, Actor.current().orElse(null));
    }

    @GetMapping("/api/v1/complaints")
    List<ComplaintLine> inbox(@RequestParam(required = false) String org,
            @RequestParam(required = false) String status) {
        return complaints.inbox(Actor.current().orElse(null), org, status);
    }

    @GetMapping("/api/v1/complaints/statistics/{year}")
    List<ComplaintStatistics> statistics(@PathVariable int year) {
        return complaints.statistics(year);
    }

    @PostMapping("/api/v1/complaints/{trackingNo}/transfer")
    ComplaintView transfer(@PathVariable String trackingNo, @RequestBody Transfer t) {
        return complaints.transfer(trackingNo, t.org(), t.reason(), Actor.require());
    }

    @PostMapping("/api/v1/complaints/{trackingNo}/reply")
    ComplaintView reply(@PathVariable String trackingNo, @RequestBody Reply r) {
        return complaints.reply(trackingNo, r.text(), r.substantiated(), Actor.require());
    }
}
