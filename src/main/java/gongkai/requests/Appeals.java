package gongkai.requests;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gongkai.requests.internal.AppealEntity;
import gongkai.requests.internal.AppealRepository;
import gongkai.requests.internal.InformationRequestEntity;
import gongkai.requests.internal.RequestSteps;
import gongkai.requests.internal.RequestSteps.Taking;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.InvalidInputProblem.FieldError;
import gongkai.shared.NotFoundProblem;

/**
 * 行政复议、行政诉讼: the reviews and lawsuits brought against the handling of a request, registered by the handling
 * organisation's staff (who may, exactly as for the request's other steps, {@link RequestStep#APPEAL}), with their
 * results; and table 四 of the annual report counted from them. Each change goes to the request's history (staff
 * only) and the audit trail; a refused change changes nothing.
 */
@Service
@Transactional
public class Appeals {

    private static final int MAX_AUTHORITY = 200;
    private static final int MAX_CASE_NUMBER = 100;

    private final RequestSteps steps;
    private final AppealRepository appeals;
    private final Clock clock;

    Appeals(RequestSteps steps, AppealRepository appeals, Clock clock) {
        this.steps = steps;
        this.appeals = appeals;
        this.clock = clock;
    }

    /** A request's cases, oldest filing first, for any of the handling organisation's staff. */
    @Transactional(readOnly = true)
    public List<Appeal> cases(String trackingNo) {
        return appeals.findByRequestIdOrderByFiledOnAscIdAsc(steps.forStaff(trackingNo).getId()).stream()
                .map(AppealEntity::toAppeal).toList();
    }

    /**
     * Registers a case against the request, pending; returns its id. Filed neither in the future nor before the
     * request was received; a lawsuit after review needs a review of the same request decided by its filing date.
     */
    public long register(String trackingNo, NewAppeal appeal) {
        Taking taking = steps.take(trackingNo, RequestStep.APPEAL);
        InformationRequestEntity request = taking.request();
        LocalDate today = steps.today();
        List<FieldError> errors = new ArrayList<>();
        AppealKind kind = AppealKind.parse(appeal.kind());
        if (kind == null) {
            errors.add(new FieldError("kind", "请选择类别：REVIEW（行政复议）、LITIGATION_DIRECT（未经复议直接起诉）或 "
                    + "LITIGATION_AFTER_REVIEW（复议后起诉）。"));
        }
        LocalDate filedOn = appeal.filedOn();
        if (filedOn == null) {
            errors.add(new FieldError("filedOn", "请填写申请复议或起诉的日期。"));
        } else if (filedOn.isAfter(today)) {
            errors.add(new FieldError("filedOn", "申请复议或起诉的日期（" + day(filedOn) + "）不能晚于今天。"));
        } else if (filedOn.isBefore(request.getReceivedOn())) {
            errors.add(new FieldError("filedOn", "申请复议或起诉的日期（" + day(filedOn) + "）不能早于收到申请的日期（"
                    + day(request.getReceivedOn()) + "）。"));
        }
        String authority = strip(appeal.authority());
        if (authority == null) {
            errors.add(new FieldError("authority", "请填写复议机关或人民法院的名称。"));
        } else if (authority.length() > MAX_AUTHORITY) {
            errors.add(new FieldError("authority", "复议机关或人民法院的名称不能超过" + MAX_AUTHORITY + "个字。"));
        }
        String caseNumber = strip(appeal.caseNumber());
        if (caseNumber != null && caseNumber.length() > MAX_CASE_NUMBER) {
            errors.add(new FieldError("caseNumber", "案号不能超过" + MAX_CASE_NUMBER + "个字。"));
        }
        if (kind == AppealKind.LITIGATION_AFTER_REVIEW && filedOn != null && errors.isEmpty()
                && appeals.findByRequestIdOrderByFiledOnAscIdAsc(request.getId()).stream()
                        .noneMatch(a -> a.reviewDecidedBy(filedOn))) {
            errors.add(new FieldError("kind", "复议后起诉须以本申请的行政复议决定为前提：本申请没有在" + day(filedOn)
                    + "或之前审结的行政复议，请先登记行政复议及其结果，或选择“未经复议直接起诉”。"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        AppealEntity saved = appeals.save(new AppealEntity(request.getId(), kind, filedOn, authority, caseNumber,
                taking.by(), Instant.now(clock)));
        steps.write(taking, RequestEvent.step(RequestEvent.Kind.APPEAL_FILED, filedOn, null, 0, null)
                .withDetail(kind.title() + "：申请人于" + day(filedOn)
                        + (kind == AppealKind.REVIEW ? "申请行政复议" : "提起行政诉讼") + "，" + kind.authority() + "：" + authority
                        + (caseNumber == null ? "" : "，案号：" + caseNumber) + "。"), "request.appeal");
        return saved.getId();
    }

    /**
     * Records the result of one of the request's cases: decided on a day neither before its filing nor in the
     * future; {@link AppealResult#PENDING} clears the day. A review that a lawsuit after review rests on cannot be
     * undone or moved past that lawsuit's filing unless another review still carries it.
     */
    public Appeal recordResult(String trackingNo, long id, AppealDecision decision) {
        Taking taking = steps.take(trackingNo, RequestStep.APPEAL);
        InformationRequestEntity request = taking.request();
        List<AppealEntity> all = appeals.findByRequestIdOrderByFiledOnAscIdAsc(request.getId());
        AppealEntity appeal = all.stream().filter(a -> a.getId() == id).findFirst()
                .orElseThrow(() -> new NotFoundProblem("申请" + request.getTrackingNo() + "没有编号为" + id
                        + "的行政复议或行政诉讼案件。"));
        AppealResult result = AppealResult.parse(decision.result());
        if (result == null) {
            throw new InvalidInputProblem("result", "请选择结果：UPHELD（结果维持）、CORRECTED（结果纠正）、OTHER（其他结果）"
                    + "或 PENDING（尚未审结）。");
        }
        LocalDate decidedOn = result == AppealResult.PENDING ? null : decision.decidedOn();
        if (result != AppealResult.PENDING) {
            requireDecisionDay(appeal, decidedOn, steps.today());
        }
        if (appeal.getKind() == AppealKind.REVIEW) {
            requireLawsuitsAfterReviewCarried(appeal, decidedOn, all);
        }
        appeal.decided(result, decidedOn, taking.by(), Instant.now(clock));
        String what = appeal.getKind().title() + "（" + day(appeal.getFiledOn()) + "提起"
                + (appeal.getCaseNumber() == null ? "" : "，案号：" + appeal.getCaseNumber()) + "）";
        steps.write(taking, RequestEvent.step(RequestEvent.Kind.APPEAL_DECIDED,
                decidedOn == null ? steps.today() : decidedOn, null, 0, null)
                .withDetail(what + (decidedOn == null ? "：尚未审结。" : "于" + day(decidedOn) + "审结，结果："
                        + result.label() + "。")), "request.appeal-result");
        return appeal.toAppeal();
    }

    /**
     * Table 四 of the bodies' year: the cases filed within the year against requests that one of {@code orgCodes}
     * handles (the organisation handling the request now), each with its result as it stood on 31 December —
     * decided on or before that day, its recorded result; otherwise 尚未审结 (PENDING). Every kind and result is
     * present. One aggregate query.
     */
    @Transactional(readOnly = true)
    public AppealFigures figures(Collection<String> orgCodes, int year) {
        Map<AppealKind, Map<AppealResult, Integer>> counts = new EnumMap<>(AppealKind.class);
        if (orgCodes.isEmpty()) {
            return new AppealFigures(counts);
        }
        for (Object[] row : appeals.countsByKindAndResult(orgCodes, LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31))) {
            Map<AppealResult, Integer> byResult = counts.computeIfAbsent((AppealKind) row[0],
                    k -> new EnumMap<>(AppealResult.class));
            int decided = ((Number) row[2]).intValue();
            int all = ((Number) row[3]).intValue();
            byResult.merge((AppealResult) row[1], decided, Integer::sum);
            byResult.merge(AppealResult.PENDING, all - decided, Integer::sum);
        }
        return new AppealFigures(counts);
    }

    private static void requireDecisionDay(AppealEntity appeal, LocalDate decidedOn, LocalDate today) {
        if (decidedOn == null) {
            throw new InvalidInputProblem("decidedOn", "请填写审结日期（尚未审结的请选择“尚未审结”）。");
        }
        if (decidedOn.isBefore(appeal.getFiledOn())) {
            throw new InvalidInputProblem("decidedOn", "审结日期（" + day(decidedOn) + "）不能早于申请复议或起诉的日期（"
                    + day(appeal.getFiledOn()) + "）。");
        }
        if (decidedOn.isAfter(today)) {
            throw new InvalidInputProblem("decidedOn", "审结日期（" + day(decidedOn) + "）不能晚于今天。");
        }
    }

    /** Each lawsuit after review of the request still follows a review decided by its filing date, after the change. */
    private static void requireLawsuitsAfterReviewCarried(AppealEntity review, LocalDate decidedOn,
            List<AppealEntity> all) {
        for (AppealEntity lawsuit : all) {
            if (lawsuit.getKind() != AppealKind.LITIGATION_AFTER_REVIEW) {
                continue;
            }
            LocalDate filed = lawsuit.getFiledOn();
            boolean carried = (decidedOn != null && !decidedOn.isAfter(filed))
                    || all.stream().anyMatch(other -> other != review && other.reviewDecidedBy(filed));
            if (!carried) {
                throw new InvalidInputProblem("result", "本申请的复议后起诉（" + day(filed) + "提起）以该行政复议的决定为前提，"
                        + "复议结果不能改为尚未审结，审结日期也不能晚于" + day(filed) + "。");
            }
        }
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String day(LocalDate date) {
        return RequestClock.day(date);
    }
}
