package gongkai.environment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import gongkai.shared.ConflictProblem;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.InvalidInputProblem.FieldError;

/**
 * 建设项目环境影响评价“三公开”: one project's case, whose 受理公示, 拟审批公示 and 批后公告 come in that order, each a
 * record of catalogue item {@code en-eia} with a comment period in working days. The case guards its own transitions:
 * {@link #whyNotPost} says why a stage may not be posted now, and {@link #post} refuses for that reason; comments are
 * taken only while a published notice's period runs ({@link #commentStage}); a posted notice is never changed.
 */
public final class EiaCase {

    /**
     * One posted notice.
     *
     * @param endsOn    the last day of the comment period (the start itself when the period is 0 working days)
     * @param indexNo   the record's 索引号 once published, else null
     * @param published whether the record has been published through 三审: only then does the period count as open
     */
    public record Notice(EiaStage stage, String text, LocalDate startsOn, int commentDays, LocalDate endsOn,
            EiaDecision decision, String approvalNo, String recordRef, String indexNo, boolean published) {

        /** Whether the public may comment on this notice on {@code day}. */
        public boolean openOn(LocalDate day) {
            return published && commentDays > 0 && !day.isBefore(startsOn) && !day.isAfter(endsOn);
        }

        /** Whether the comment period is over on {@code day}. */
        public boolean endedBefore(LocalDate day) {
            return day.isAfter(endsOn);
        }
    }

    private final Long id;
    private final String projectName;
    private final String developer;
    private final String regionCode;
    private final String location;
    private final String eiaAgency;
    private final String approverOrg;
    private final EiaDocumentType documentType;
    private final LocalDate receivedOn;
    private final boolean demo;
    private final Map<EiaStage, Notice> notices = new EnumMap<>(EiaStage.class);
    private String responseSummary;

    public EiaCase(Long id, String projectName, String developer, String regionCode, String location,
            String eiaAgency, String approverOrg, EiaDocumentType documentType, LocalDate receivedOn, boolean demo,
            String responseSummary, List<Notice> notices) {
        this.id = id;
        this.projectName = projectName;
        this.developer = developer;
        this.regionCode = regionCode;
        this.location = location;
        this.eiaAgency = eiaAgency;
        this.approverOrg = approverOrg;
        this.documentType = documentType;
        this.receivedOn = receivedOn;
        this.demo = demo;
        this.responseSummary = responseSummary;
        notices.forEach(n -> this.notices.put(n.stage(), n));
    }

    /** The stage to post next, or null when the 批后公告 is out. */
    public EiaStage next() {
        for (EiaStage s : EiaStage.values()) {
            if (!notices.containsKey(s)) {
                return s;
            }
        }
        return null;
    }

    /** Why {@code stage} may not be posted on {@code today}; empty when it may. */
    public Optional<String> whyNotPost(EiaStage stage, LocalDate today) {
        Notice existing = notices.get(stage);
        if (existing != null) {
            return Optional.of(stage.label() + (existing.published() ? "已发布，不能修改。" : "已提交审核，不能重复发起。"));
        }
        if (stage != next()) {
            return Optional.of("应先进行" + next().label() + "，再进行" + stage.label() + "。");
        }
        EiaStage previous = stage.previous();
        if (previous == null) {
            return Optional.empty();
        }
        Notice before = notices.get(previous);
        if (!before.published()) {
            return Optional.of(previous.label() + "尚未经审核发布，不能进行" + stage.label() + "。");
        }
        if (!before.endedBefore(today)) {
            return Optional.of(previous.label() + "的公示期至" + before.endsOn() + "结束，期满后才能进行" + stage.label() + "。");
        }
        return Optional.empty();
    }

    /**
     * Posts the next notice, refusing a stage out of order, too early, or already posted, and a notice whose input
     * does not fit its stage. The caller then drafts the notice's record.
     *
     * @param endsOn the last day of the comment period, computed by the working-day calendar
     */
    public Notice post(EiaStage stage, EiaNoticeInput in, int commentDays, LocalDate endsOn, LocalDate today) {
        whyNotPost(stage, today).ifPresent(reason -> {
            throw new ConflictProblem(reason);
        });
        List<FieldError> errors = new ArrayList<>();
        if (in.startsOn().isBefore(today)) {
            errors.add(new FieldError("startsOn", "公示开始日期不能早于今天（" + today + "）。"));
        }
        Notice before = stage.previous() == null ? null : notices.get(stage.previous());
        if (before != null && !in.startsOn().isAfter(before.endsOn())) {
            errors.add(new FieldError("startsOn", stage.label() + "应在" + before.stage().label() + "期满（"
                    + before.endsOn() + "）之后开始。"));
        }
        EiaDecision decision = decision(in.decision());
        String approvalNo = in.approvalNo() == null || in.approvalNo().isBlank() ? null : in.approvalNo().strip();
        if (stage == EiaStage.POST_APPROVAL) {
            if (decision == null) {
                errors.add(new FieldError("decision", "批后公告请选择审批决定（批准或不予批准）。"));
            }
            if (approvalNo == null) {
                errors.add(new FieldError("approvalNo", "批后公告请填写审批文号。"));
            }
        } else if (decision != null || approvalNo != null) {
            errors.add(new FieldError("decision", stage.label() + "没有审批决定和审批文号，请在批后公告中填写。"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        Notice notice = new Notice(stage, in.text().strip(), in.startsOn(), commentDays, endsOn, decision, approvalNo,
                null, null, false);
        notices.put(stage, notice);
        return notice;
    }

    /** The stage whose comment period is open on {@code today}, or empty. */
    public Optional<EiaStage> openStage(LocalDate today) {
        return notices.values().stream().filter(n -> n.openOn(today)).map(Notice::stage).findFirst();
    }

    /** The stage a comment sent on {@code today} belongs to; refuses, with the periods, when none is open. */
    public EiaStage commentStage(LocalDate today) {
        return openStage(today).orElseThrow(() -> new InvalidInputProblem("text", whyNotComment(today)));
    }

    private String whyNotComment(LocalDate today) {
        List<String> periods = notices.values().stream().filter(n -> n.published() && n.commentDays() > 0)
                .map(n -> n.stage().label() + "征求意见期为" + n.startsOn() + "至" + n.endsOn()).toList();
        return "该项目当前不在公众意见征求期内，不能提交意见" + (periods.isEmpty() ? "。" : "（" + String.join("；", periods) + "）。");
    }

    /** Why the response to the comments may not be recorded now; empty when it may. */
    public Optional<String> whyNotRespond() {
        if (notices.isEmpty()) {
            return Optional.of("受理公示发布前没有公众意见，不能记录采纳情况。");
        }
        if (notices.containsKey(EiaStage.POST_APPROVAL)) {
            return Optional.of("批后公告已发起，公众意见采纳情况随公告发布，不能再修改。");
        }
        return Optional.empty();
    }

    /** Records the summary of how the public's comments were taken into account (公众意见采纳情况). */
    public void respond(String summary) {
        whyNotRespond().ifPresent(reason -> {
            throw new ConflictProblem(reason);
        });
        if (summary == null || summary.isBlank()) {
            throw new InvalidInputProblem("response", "请填写公众意见采纳情况。");
        }
        if (summary.strip().length() > 4000) {
            throw new InvalidInputProblem("response", "公众意见采纳情况不能超过4000个字。");
        }
        responseSummary = summary.strip();
    }

    /** The response as the public may see it: only once the 批后公告 is published. */
    public String publicResponse() {
        Notice post = notices.get(EiaStage.POST_APPROVAL);
        return post != null && post.published() ? responseSummary : null;
    }

    private static EiaDecision decision(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (EiaDecision d : EiaDecision.values()) {
            if (d.name().equalsIgnoreCase(text.strip()) || d.label().equals(text.strip())) {
                return d;
            }
        }
        throw new InvalidInputProblem("decision", "审批决定只能是 APPROVED（批准）或 REFUSED（不予批准）。");
    }

    public Long id() {
        return id;
    }

    public String projectName() {
        return projectName;
    }

    public String developer() {
        return developer;
    }

    public String regionCode() {
        return regionCode;
    }

    public String location() {
        return location;
    }

    public String eiaAgency() {
        return eiaAgency;
    }

    public String approverOrg() {
        return approverOrg;
    }

    public EiaDocumentType documentType() {
        return documentType;
    }

    public LocalDate receivedOn() {
        return receivedOn;
    }

    public boolean demo() {
        return demo;
    }

    public String responseSummary() {
        return responseSummary;
    }

    public Optional<Notice> notice(EiaStage stage) {
        return Optional.ofNullable(notices.get(stage));
    }

    public List<Notice> notices() {
        return Collections.unmodifiableList(new ArrayList<>(notices.values()));
    }

    /** The latest stage posted, or null. */
    public EiaStage stage() {
        EiaStage n = next();
        return n == null ? EiaStage.POST_APPROVAL : n.previous();
    }
}
