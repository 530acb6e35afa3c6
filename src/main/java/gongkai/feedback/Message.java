package gongkai.feedback;

import java.time.LocalDate;
import java.util.Optional;

import gongkai.shared.Actor;
import gongkai.shared.Role;

/**
 * 咨询留言: a question to a body as its staff see it, the asker's name and contact included. It knows who may do what
 * with it, so that the inbox offers only what the service will not refuse.
 */
public record Message(long id, String trackingNo, String orgCode, String orgName, String subject, String question,
        String askerName, String askerPhone, String askerEmail, boolean wantsPrivate, LocalDate receivedOn,
        LocalDate dueOn, boolean dueCovered, MessageStatus status, String answer, String answeredBy,
        String reviewNote, String reviewedBy, LocalDate releasedOn, boolean published, String faqItem, boolean demo) {

    /** Anyone of the body's staff (or the city office's ADMIN) may read it, asker's contact included; nobody else. */
    public static Optional<String> whyCannotRead(Actor actor, String orgCode) {
        if (actor == null) {
            return Optional.of("请先登录。");
        }
        if (!actor.canActFor(orgCode) || actor.roles().isEmpty()) {
            return Optional.of("只有被咨询单位的工作人员可以查看本留言及留言人的联系方式。");
        }
        return Optional.empty();
    }

    public Optional<String> whyCannotRead(Actor actor) {
        return whyCannotRead(actor, orgCode);
    }

    /** The body's EDITOR writes the answer, and may rewrite it until the review released it. */
    public Optional<String> whyCannotAnswer(Actor actor) {
        Optional<String> read = whyCannotRead(actor);
        if (read.isPresent()) {
            return read;
        }
        if (!actor.canActFor(orgCode, Role.EDITOR)) {
            return Optional.of("只有被咨询单位的信息员可以撰写答复。");
        }
        if (status == MessageStatus.ANSWERED) {
            return Optional.of("本留言已于" + releasedOn + "答复，不能再修改答复。");
        }
        return Optional.empty();
    }

    /**
     * The body's REVIEWER or APPROVER, not the one who wrote it, reviews a written answer (the body's review before
     * anything is released).
     */
    public Optional<String> whyCannotReview(Actor actor) {
        Optional<String> read = whyCannotRead(actor);
        if (read.isPresent()) {
            return read;
        }
        if (!actor.canActFor(orgCode, Role.REVIEWER) && !actor.canActFor(orgCode, Role.APPROVER)) {
            return Optional.of("只有被咨询单位的审核员或审批人可以审核答复。");
        }
        if (status != MessageStatus.DRAFTED) {
            return Optional.of(status == MessageStatus.RECEIVED ? "本留言尚未撰写答复，无需审核。" : "本留言的答复已审核发出。");
        }
        if (actor.username().equals(answeredBy)) {
            return Optional.of("答复须由撰写人以外的审核员或审批人审核。");
        }
        return Optional.empty();
    }

    /** The body's staff who review may promote a published question to a FAQ entry of a catalogue item. */
    public Optional<String> whyCannotPromote(Actor actor) {
        Optional<String> read = whyCannotRead(actor);
        if (read.isPresent()) {
            return read;
        }
        if (!actor.canActFor(orgCode, Role.REVIEWER) && !actor.canActFor(orgCode, Role.APPROVER)) {
            return Optional.of("只有被咨询单位的审核员或审批人可以将留言设为常见问题。");
        }
        if (!published) {
            return Optional.of("只有已公开的留言可以设为常见问题。");
        }
        return Optional.empty();
    }

    /** Whether the answer was released on or before its due date. */
    public boolean answeredOnTime() {
        return releasedOn != null && !releasedOn.isAfter(dueOn);
    }

    /** The asker's contact as the body's staff read it. */
    public String contact() {
        String phone = askerPhone == null ? "" : askerPhone;
        String email = askerEmail == null ? "" : askerEmail;
        return phone.isEmpty() ? email : email.isEmpty() ? phone : phone + "，" + email;
    }
}
