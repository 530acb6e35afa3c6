package gongkai.feedback.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import gongkai.feedback.Consultation;
import gongkai.feedback.ConsultationComment;
import gongkai.feedback.Consultations;
import gongkai.feedback.FeedbackReport;
import gongkai.feedback.NewConsultation;
import gongkai.feedback.NewConsultationComment;
import gongkai.shared.Actor;

/**
 * 意见征集 in the API (API.md): put a draft out for comment, comment, and for the body's staff read every comment,
 * moderate, publish the feedback report and attach the final policy. The public shapes never carry a commenter's
 * name unmasked.
 */
@RestController
class ConsultationApiController {

    private final Consultations consultations;

    ConsultationApiController(Consultations consultations) {
        this.consultations = consultations;
    }

    /** The new consultation's or comment's id. */
    record Created(long id) {
    }

    /** A comment as the public sees it: the name masked (or 网友). */
    record PublicComment(long id, String name, String text, Instant receivedAt) {
        static PublicComment of(ConsultationComment c) {
            return new PublicComment(c.id(), c.publicName(), c.text(), c.receivedAt());
        }
    }

    /** One decision of the feedback report with the public comments it answers and the count of the others. */
    record ReportGroup(int number, String decision, String decisionLabel, String reason, List<PublicComment> comments,
            int otherComments) {
    }

    record Report(String summary, Instant publishedAt, List<ReportGroup> groups) {
    }

    /**
     * A consultation as the public sees it.
     *
     * @param status       UPCOMING, OPEN or CLOSED on the day it is read
     * @param commentCount every comment received, shown or not
     * @param finalIndexNo the final policy's index number once attached
     */
    record PublicConsultation(long id, String org, String orgName, String title, String draft, LocalDate opensOn,
            LocalDate closesOn, String status, String statusLabel, long commentCount, List<PublicComment> comments,
            Report report, String finalIndexNo, String finalTitle, boolean demo) {
        static PublicConsultation of(Consultation c) {
            Report report = c.report() == null ? null : new Report(c.report().summary(), c.report().publishedAt(),
                    c.report().groups().stream().map(g -> new ReportGroup(g.number(), g.decision().name(),
                            g.decision().label(), g.reason(), g.comments().stream().map(PublicComment::of).toList(),
                            g.hiddenCount())).toList());
            return new PublicConsultation(c.id(), c.org(), c.orgName(), c.title(), c.draft(), c.opensOn(),
                    c.closesOn(), c.status().name(), c.status().label(), c.commentCount(),
                    c.shown().stream().map(PublicComment::of).toList(), report, c.finalIndexNo(), c.finalTitle(),
                    c.demo());
        }
    }

    /** A comment as the body's staff see it, private ones and the name included. */
    record StaffComment(long id, String name, String text, String moderation, String moderationLabel,
            Integer decisionGroup, String decision, String reason, Instant receivedAt) {
        static StaffComment of(ConsultationComment c) {
            return new StaffComment(c.id(), c.authorName(), c.text(), c.moderation().name(), c.moderation().label(),
                    c.decisionGroup(), c.decision() == null ? null : c.decision().name(), c.reason(), c.receivedAt());
        }
    }

    /** A moderation decision: {@code show} true lets a public comment show, false moderates it out. */
    record Moderation(boolean show) {
    }

    /** The final policy's index number. */
    record FinalRecord(String indexNo) {
    }

    @GetMapping("/api/v1/consultations")
    List<PublicConsultation> list() {
        return consultations.all().stream().map(PublicConsultation::of).toList();
    }

    @PostMapping("/api/v1/consultations")
    @ResponseStatus(HttpStatus.CREATED)
    Created open(@RequestBody NewConsultation in) {
        return new Created(consultations.open(in, Actor.require()));
    }

    @GetMapping("/api/v1/consultations/{id}")
    PublicConsultation one(@PathVariable long id) {
        return PublicConsultation.of(consultations.consultation(id));
    }

    @PostMapping("/api/v1/consultations/{id}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    Created comment(@PathVariable long id, @RequestBody NewConsultationComment in) {
        return new Created(consultations.comment(id, in));
    }

    @GetMapping("/api/v1/consultations/{id}/comments")
    List<StaffComment> comments(@PathVariable long id) {
        return consultations.comments(id, Actor.require()).stream().map(StaffComment::of).toList();
    }

    @PostMapping("/api/v1/consultations/comments/{commentId}/moderation")
    StaffComment moderate(@PathVariable long commentId, @RequestBody Moderation in) {
        return StaffComment.of(consultations.moderate(commentId, in.show(), Actor.require()));
    }

    @PostMapping("/api/v1/consultations/{id}/report")
    PublicConsultation report(@PathVariable long id, @RequestBody FeedbackReport in) {
        return PublicConsultation.of(consultations.publishReport(id, in, Actor.require()));
    }

    @PostMapping("/api/v1/consultations/{id}/final-record")
    PublicConsultation finalRecord(@PathVariable long id, @RequestBody FinalRecord in) {
        return PublicConsultation.of(consultations.attachFinalRecord(id, in.indexNo(), Actor.require()));
    }
}
