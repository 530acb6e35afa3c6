package gongkai.assessment.internal.supervision;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import gongkai.assessment.CheckRecorded;
import gongkai.assessment.NewCheck;
import gongkai.assessment.Supervision;
import gongkai.shared.Actor;

/**
 * {@code /api/v1/supervision} (API.md): an auditor records a check with its findings; the body's APPROVER answers a
 * finding with its rectification; the auditor accepts or reopens it. Every answer after a step is the finding as it
 * now stands, with its history.
 */
@RestController
@RequestMapping("/api/v1/supervision")
class SupervisionApiController {

    private final Supervision supervision;

    SupervisionApiController(Supervision supervision) {
        this.supervision = supervision;
    }

    /** A new check's number and its findings' numbers, in the order sent. */
    record CheckAnswer(long id, List<FindingRef> findings) {
    }

    record FindingRef(long id) {
    }

    record RectificationBody(String text) {
    }

    record ReopenBody(String reason) {
    }

    @PostMapping("/checks")
    @ResponseStatus(HttpStatus.CREATED)
    CheckAnswer record(@RequestBody NewCheck check) {
        CheckRecorded recorded = supervision.recordCheck(check, Actor.require());
        return new CheckAnswer(recorded.id(), recorded.findingIds().stream().map(FindingRef::new).toList());
    }

    @GetMapping("/findings/{id}")
    FindingAnswer finding(@PathVariable long id) {
        return FindingAnswer.of(supervision.finding(id, Actor.require()));
    }

    @PostMapping("/findings/{id}/rectification")
    FindingAnswer rectify(@PathVariable long id, @RequestBody(required = false) RectificationBody body) {
        return FindingAnswer.of(supervision.rectify(id, body == null ? null : body.text(), Actor.require()));
    }

    @PostMapping("/findings/{id}/accept")
    FindingAnswer accept(@PathVariable long id) {
        return FindingAnswer.of(supervision.accept(id, Actor.require()));
    }

    @PostMapping("/findings/{id}/reopen")
    FindingAnswer reopen(@PathVariable long id, @RequestBody(required = false) ReopenBody body) {
        return FindingAnswer.of(supervision.reopen(id, body == null ? null : body.reason(), Actor.require()));
    }
}
