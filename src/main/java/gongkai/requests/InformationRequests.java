package gongkai.requests;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

import gongkai.calendar.Deadline;
import gongkai.calendar.WorkingDayCalendar;
import gongkai.org.Organisation;
import gongkai.org.Organisations;
import gongkai.publishing.Drafting;
import gongkai.publishing.RecordInput;
import gongkai.requests.internal.ApplicationCheck;
import gongkai.requests.internal.InformationRequestEntity;
import gongkai.requests.internal.InformationRequestRepository;
import gongkai.requests.internal.IntakeGuard;
import gongkai.requests.internal.QueryCodes;
import gongkai.requests.internal.ReplyLetters;
import gongkai.requests.internal.RequestStore;
import gongkai.requests.internal.RequestsProperties;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.AuditedChange;
import gongkai.shared.ConflictProblem;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.InvalidInputProblem.FieldError;
import gongkai.shared.NotFoundProblem;
import gongkai.shared.RequestOrigin;
import gongkai.shared.Role;

/**
 * 依申请公开: taking requests in (the public form and API, and staff entering what came in person, by post, fax or
 * e-mail), letting the applicant follow one with the query code, and every step the handling organisation takes —
 * each checked by the request's {@link RequestClock}, written to its history, and audited.
 *
 * <p>Who may do what: anyone may ask; the applicant (with the code) follows and corrects; the handling organisation's
 * staff read the applicant's details; its EDITORs give correction notices, record consultations, payments and
 * delivery, enter requests and propose proactive disclosure; its APPROVERs extend, charge fees, transfer and answer.
 */
@Service
@Transactional
public class InformationRequests {

    private static final Logger log = LoggerFactory.getLogger(InformationRequests.class);

    /** The actor name of steps the applicant takes. */
    static final String APPLICANT = "applicant";
    /** The actor name of steps the daily job takes. */
    static final String SYSTEM = "system";
    private static final int MAX_TEXT = 20000;
    private static final int MAX_NOTE = 2000;
    private static final int INBOX_LIMIT = 500;

    private final InformationRequestRepository requests;
    private final RequestStore store;
    private final ApplicationCheck applications;
    private final IntakeGuard guard;
    private final ReplyLetters letters;
    private final Organisations organisations;
    private final Drafting drafting;
    private final WorkingDayCalendar calendar;
    private final RequestsProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InformationRequests(InformationRequestRepository requests, RequestStore store, ApplicationCheck applications,
            IntakeGuard guard, ReplyLetters letters, Organisations organisations, Drafting drafting,
            WorkingDayCalendar calendar, RequestsProperties properties, ApplicationEventPublisher events,
            Clock clock) {
        this.requests = requests;
        this.store = store;
        this.applications = applications;
        this.guard = guard;
        this.letters = letters;
        this.organisations = organisations;
        this.drafting = drafting;
        this.calendar = calendar;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    // ----- intake

    /** A request through the API: checked whole, rate-limited per address and per applicant, received today. */
    public Submitted submit(NewRequest input) {
        return submit(input, null);
    }

    /**
     * A request from the public form, whose human check let it through with {@code humanCheckNonce}; the nonce is
     * stored with the request so that one answer lets one request through.
     */
    public Submitted submit(NewRequest input, String humanCheckNonce) {
        ApplicationCheck.Application a = applications.check(input);
        String address = RequestOrigin.remoteAddress();
        guard.checkIntake(address, a.applicant().key());
        if (humanCheckNonce != null && requests.existsByHumanCheckNonce(humanCheckNonce)) {
            throw new InvalidInputProblem("humanCheck", "此验证问题已使用过，请回答新的验证问题后再提交。");
        }
        LocalDate today = today();
        String code = QueryCodes.next();
        InformationRequestEntity request = new InformationRequestEntity(a.org(), ReceiptChannel.ONLINE, today, today,
                a.applicant(), a.description(), a.purpose(), a.preferredForm(), a.suggestProactive(),
                QueryCodes.hash(code));
        request.origin(address, humanCheckNonce);
        RequestClock started = store.create(request, "通过本平台网上提交，受理机关：" + orgName(a.org()) + "。", APPLICANT);
        return submitted(request, code, started);
    }

    /**
     * A request that reached the organisation another way, entered by one of its EDITORs; its date of receipt follows
     * art. 31 (the confirmation date for an ordinary letter or a fax). The query code is for staff to pass on.
     */
    public Submitted enter(NewRequest input, Receipt receipt) {
        Actor actor = Actor.require();
        if (input.org() != null && !input.org().isBlank() && !actor.canActFor(input.org().strip(), Role.EDITOR)) {
            throw new AccessDeniedProblem("只有受理机关的信息员可以登记收到的申请。");
        }
        ApplicationCheck.Entered e = applications.check(input, receipt, today());
        ApplicationCheck.Application a = e.application();
        ApplicationCheck.ReceiptDates dates = e.receipt();
        String code = QueryCodes.next();
        InformationRequestEntity request = new InformationRequestEntity(a.org(), dates.channel(), dates.arrivedOn(),
                dates.receivedOn(), a.applicant(), a.description(), a.purpose(), a.preferredForm(),
                a.suggestProactive(), QueryCodes.hash(code));
        String detail = dates.channel().label() + "，" + dates.channel().arrivalLabel() + day(dates.arrivedOn())
                + (dates.channel().needsConfirmation() ? "，与申请人确认之日（收到申请之日）" + day(dates.receivedOn()) : "")
                + "；由工作人员登记。";
        RequestClock started = store.create(request, detail, actor.username());
        audit("request.enter", request, "登记申请：" + detail);
        return submitted(request, code, started);
    }

    // ----- the applicant

    /**
     * The request as its applicant sees it. A wrong number and a wrong code get the same answer, every look-up is
     * logged, and an address that keeps guessing is refused for a while.
     *
     * @throws NotFoundProblem when the number or the code is wrong
     */
    @Transactional(readOnly = true)
    public RequestView track(String trackingNo, String code) {
        return view(applicantsOwn(trackingNo, code), true);
    }

    /** The corrected application, sent by the applicant with the code: the clock starts again today. */
    public RequestView correctByApplicant(String trackingNo, String code, String description) {
        InformationRequestEntity request = applicantsOwn(trackingNo, code);
        correct(request, description, today(), APPLICANT);
        return view(request, true);
    }

    /** The reply letter for the applicant (with the code). */
    @Transactional(readOnly = true)
    public Letter letterForApplicant(String trackingNo, String code) {
        return letter(applicantsOwn(trackingNo, code));
    }

    // ----- staff: reading

    /** The request with the applicant's full details, for the handling organisation's staff. */
    @Transactional(readOnly = true)
    public RequestView view(String trackingNo) {
        InformationRequestEntity request = store.require(trackingNo);
        requireStaff(request);
        return view(request, false);
    }

    /** The reply letter, for the handling organisation's staff. */
    @Transactional(readOnly = true)
    public Letter letter(String trackingNo) {
        InformationRequestEntity request = store.require(trackingNo);
        requireStaff(request);
        return letter(request);
    }

    /**
     * An organisation's requests, for its staff: those open (soonest due first, stopped clocks last) or those
     * answered (latest first, at most 500).
     */
    @Transactional(readOnly = true)
    public List<RequestSummary> inbox(String orgCode, boolean open) {
        Actor actor = Actor.require();
        if (!isStaffOf(actor, orgCode)) {
            throw new AccessDeniedProblem("您只能查看本单位受理的申请。");
        }
        LocalDate today = today();
        List<InformationRequestEntity> list = open
                ? requests.findByOrgCodeAndPhaseInOrderByIdAsc(orgCode, EnumSet.complementOf(
                        EnumSet.of(RequestClock.Phase.CLOSED)))
                : requests.findByOrgCodeAndPhaseOrderByAnsweredOnDescIdDesc(orgCode, RequestClock.Phase.CLOSED,
                        PageRequest.of(0, INBOX_LIMIT));
        List<RequestSummary> lines = list.stream().map(r -> summary(r, today)).toList();
        return open ? lines.stream().sorted(Comparator.comparing(RequestSummary::dueOn,
                Comparator.nullsLast(Comparator.naturalOrder()))).toList() : lines;
    }

    /** What a fee would be by each rule, for staff deciding whether to charge. */
    @Transactional(readOnly = true)
    public FeeQuote quote(String trackingNo, int pages) {
        InformationRequestEntity request = store.require(trackingNo);
        requireStaff(request);
        int rank = monthlyRank(request);
        return new FeeQuote(rank, InformationProcessingFee.perRequest(rank), Math.max(0, pages),
                InformationProcessingFee.perVolume(Math.max(0, pages)));
    }

    // ----- staff: the steps

    /** 补正告知 (EDITOR): every item to correct at once, and a deadline; the clock stops. */
    public RequestView requestCorrection(String trackingNo, List<String> items, LocalDate deadline) {
        InformationRequestEntity request = store.require(trackingNo);
        Actor actor = requireRole(request, Role.EDITOR, "告知补正");
        List<String> clean = items == null ? List.of()
                : items.stream().filter(i -> i != null && !i.isBlank()).map(String::strip).toList();
        if (clean.isEmpty()) {
            throw new InvalidInputProblem("items", "请逐项列明需要补正的内容（应一次性告知）。");
        }
        if (String.join("", clean).length() > MAX_NOTE) {
            throw new InvalidInputProblem("items", "补正事项合计不能超过" + MAX_NOTE + "个字。");
        }
        RequestEvent step = store.clockOf(request).requestCorrection(today(), deadline);
        List<String> numbered = new ArrayList<>();
        for (int i = 0; i < clean.size(); i++) {
            numbered.add((i + 1) + ". " + clean.get(i));
        }
        String detail = "请于" + day(deadline) + "前补正以下内容（补正期间暂停计时，答复期限自收到补正后的申请之日起重新计算）："
                + String.join("；", numbered) + "。";
        store.append(request, step.withDetail(detail), actor.username());
        audit("request.correction", request, detail);
        return view(request, false);
    }

    /** A corrected application that reached the office on paper (EDITOR), received on {@code receivedOn}. */
    public RequestView recordCorrection(String trackingNo, String description, LocalDate receivedOn) {
        InformationRequestEntity request = store.require(trackingNo);
        Actor actor = requireRole(request, Role.EDITOR, "登记补正");
        correct(request, description, receivedOn, actor.username());
        audit("request.corrected", request, "登记收到补正申请（" + day(receivedOn) + "）");
        return view(request, false);
    }

    /** 延长答复期限 (APPROVER, the head of the disclosure office): once, up to 20 working days; the applicant is told. */
    public RequestView extend(String trackingNo, String reason, Integer workingDays) {
        InformationRequestEntity request = store.require(trackingNo);
        Actor actor = requireRole(request, Role.APPROVER, "批准延长答复期限");
        String why = required("reason", "延长理由", reason, "请填写延长答复期限的理由，它将告知申请人。", MAX_NOTE);
        int days = workingDays == null ? RequestClock.MAX_EXTENSION_WORKING_DAYS : workingDays;
        RequestClock clock = store.clockOf(request);
        RequestEvent step = clock.extend(today(), days);
        String detail = "经政府信息公开工作机构负责人同意，答复期限延长" + days + "个工作日，至" + day(clock.with(step).dueOn())
                + "。理由：" + why;
        store.append(request, step.withDetail(detail), actor.username());
        audit("request.extension", request, detail);
        return view(request, false);
    }

    /**
     * 征求意见 (EDITOR): sent in writing on {@code sentOn} to a third party (art. 32) or another agency (art. 34); the
     * clock stops for at most 15 working days. The party is named to staff only.
     */
    public RequestView startConsultation(String trackingNo, String party, LocalDate sentOn) {
        InformationRequestEntity request = store.require(trackingNo);
        Actor actor = requireRole(request, Role.EDITOR, "登记征求意见");
        String who = required("party", "被征求意见方", party, "请填写被征求意见的第三方或机关。", 500);
        RequestEvent step = store.clockOf(request).startConsultation(sentOn, today());
        String detail = "书面征求意见，征求意见期间不计算在答复期限内；被征求意见方应于" + day(step.until()) + "前答复，逾期未答复的恢复计时。";
        store.append(request, step.withDetail(detail).withNote("被征求意见方：" + who), actor.username());
        audit("request.consultation", request, "征求意见：" + who + "（" + day(sentOn) + "发出）");
        return view(request, false);
    }

    /** The consulted party's answer, received on {@code receivedOn} (EDITOR): the clock runs again. */
    public RequestView endConsultation(String trackingNo, LocalDate receivedOn, String opinion) {
        InformationRequestEntity request = store.require(trackingNo);
        Actor actor = requireRole(request, Role.EDITOR, "登记征求意见答复");
        String text = required("opinion", "意见摘要", opinion, "请摘要填写被征求意见方的意见（同意公开、不同意公开及理由等）。", MAX_NOTE);
        RequestClock clock = store.clockOf(request);
        RequestEvent step = clock.endConsultation(receivedOn, today());
        String detail = "收到被征求意见方的答复，恢复计时；答复期限至" + day(clock.with(step).dueOn()) + "。";
        store.append(request, step.withDetail(detail).withNote("意见：" + text), actor.username());
        audit("request.consultation-reply", request, detail);
        return view(request, false);
    }

    /**
     * 收费通知 (APPROVER): the fee by the chosen rule; refused when it comes to nothing. The clock stops until payment;
     * no payment within the configured working days ends the request.
     */
    public RequestView requestFee(String trackingNo, String method, Integer pages) {
        InformationRequestEntity request = store.require(trackingNo);
        Actor actor = requireRole(request, Role.APPROVER, "决定收取信息处理费");
        FeeMethod m = FeeMethod.parse(method);
        if (m == null) {
            throw new InvalidInputProblem("method", "请选择计收方式：PER_REQUEST（按件）或 PER_VOLUME（按量）。");
        }
        int rank = monthlyRank(request);
        BigDecimal amount;
        String basis;
        if (m == FeeMethod.PER_REQUEST) {
            amount = InformationProcessingFee.perRequest(rank);
            basis = "本申请为该申请人本月第" + rank + "件申请";
        } else {
            if (pages == null || pages < 1) {
                throw new InvalidInputProblem("pages", "按量计收请填写页数。");
            }
            amount = InformationProcessingFee.perVolume(pages);
            basis = "所提供的信息共" + pages + "页";
        }
        if (amount.signum() == 0) {
            throw new ConflictProblem(basis + "，按" + m.label() + "标准应收费用为0元，无需收费。");
        }
        RequestEvent step = store.clockOf(request).requestFee(today(), properties.fees().paymentWorkingDays());
        request.fee(amount);
        String detail = "收费通知：" + basis + "，按" + m.label() + "标准收取信息处理费" + amount.toPlainString() + "元，请于"
                + day(step.until()) + "前缴纳；自发出收费通知至缴费之日暂停计时，逾期未缴纳的不再处理本申请。";
        store.append(request, step.withDetail(detail), actor.username());
        audit("request.fee", request, detail);
        return view(request, false);
    }

    /** The fee paid on {@code paidOn} (EDITOR): the clock runs again. */
    public RequestView feePaid(String trackingNo, LocalDate paidOn) {
        InformationRequestEntity request = store.require(trackingNo);
        Actor actor = requireRole(request, Role.EDITOR, "登记缴费");
        RequestClock clock = store.clockOf(request);
        RequestEvent step = clock.feePaid(paidOn, today());
        String detail = "已缴纳信息处理费，恢复计时；答复期限至" + day(clock.with(step).dueOn()) + "。";
        store.append(request, step.withDetail(detail), actor.username());
        audit("request.fee-paid", request, detail);
        return view(request, false);
    }

    /** 答复 (APPROVER): the outcome, the text, and the reply letter fixed with them. */
    public RequestView reply(String trackingNo, Reply reply) {
        InformationRequestEntity request = store.require(trackingNo);
        Actor actor = requireRole(request, Role.APPROVER, "答复");
        List<FieldError> errors = new ArrayList<>();
        RequestOutcome outcome = RequestOutcome.parse(reply.outcome());
        if (outcome == null) {
            errors.add(new FieldError("outcome", reply.outcome() == null || reply.outcome().isBlank() ? "请选择办理结果。"
                    : "办理结果代码“" + reply.outcome() + "”无效，应为年度报告表三的一行，例如 PUBLIC、PARTIAL、NOT_HELD。"));
        }
        String text = reply.text() == null ? "" : reply.text().strip();
        if (text.isEmpty() && (outcome == null || !outcome.lapse())) {
            errors.add(new FieldError("text", "请填写答复内容：提供的信息或获取方式、不予公开的理由等，它将写入告知书。"));
        } else if (text.length() > MAX_TEXT) {
            errors.add(new FieldError("text", "答复内容不能超过" + MAX_TEXT + "个字。"));
        }
        String body = blankToNull(reply.responsibleBody());
        if (body != null && outcome != RequestOutcome.NOT_HELD) {
            errors.add(new FieldError("responsibleBody", "只有“本机关不掌握相关政府信息”的答复才写明负责公开的机关。"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        answer(request, store.clockOf(request).answer(outcome, today()), text, body,
                blankToNull(reply.responsibleContact()), null, actor.username());
        audit("request.reply", request, "答复：" + outcome.label());
        return view(request, false);
    }

    /**
     * 转送 (APPROVER): not this organisation's information (art. 36(五)). The request is answered so, naming the body
     * that holds it; when that is an organisation of the platform, the request goes on to it as a new request that the
     * applicant follows with the same code. Returns the new request's tracking number, if any.
     */
    public String transfer(String trackingNo, Transfer transfer) {
        InformationRequestEntity request = store.require(trackingNo);
        Actor actor = requireRole(request, Role.APPROVER, "转送");
        List<FieldError> errors = new ArrayList<>();
        String orgCode = blankToNull(transfer.org());
        Organisation target = orgCode == null ? null : organisations.find(orgCode).orElse(null);
        if (orgCode != null && target == null) {
            errors.add(new FieldError("org", "机构代码“" + orgCode + "”不存在。"));
        } else if (target != null && target.code().equals(request.getOrgCode())) {
            errors.add(new FieldError("org", "不能转送给本机关。"));
        } else if (target == null && blankToNull(transfer.body()) == null) {
            errors.add(new FieldError("body", "请选择本平台上的机关，或填写负责公开该信息的机关名称。"));
        }
        String reason = transfer.reason() == null ? "" : transfer.reason().strip();
        if (reason.isEmpty()) {
            errors.add(new FieldError("reason", "请说明该信息不属于本机关负责公开的理由，它将写入告知书。"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        RequestEvent step = store.clockOf(request).answer(RequestOutcome.NOT_HELD, today());
        String body = target != null ? target.name() : transfer.body().strip();
        String contact = target != null ? contactOf(target) : blankToNull(transfer.contact());
        String note = null;
        String newNo = null;
        if (target != null) {
            InformationRequestEntity onward = new InformationRequestEntity(target.code(), ReceiptChannel.TRANSFER,
                    step.on(), step.on(), request.applicant(), request.getDescription(), request.getPurpose(),
                    request.getPreferredForm(), request.isSuggestProactive(), request.getQueryCodeSha256());
            onward.transferredFrom(request.getId());
            store.create(onward, "由" + orgName(request.getOrgCode()) + "转送（原申请编号" + request.getTrackingNo()
                    + "），理由：" + reason, actor.username());
            request.transferredTo(onward.getId());
            newNo = onward.getTrackingNo();
            note = "本机关已将您的申请转送" + body + "办理，新的申请编号为" + newNo + "，您可凭原查询码查询办理情况。";
        }
        answer(request, step, reason, body, contact, note, actor.username());
        audit("request.transfer", request, "转送：" + body + (newNo == null ? "" : "（新编号" + newNo + "）"));
        return newNo;
    }

    /**
     * A new query code for an applicant who lost theirs (EDITOR), once staff have checked who is asking — how is
     * recorded in the history and the audit trail. The old code stops working; the new one is returned to be handed
     * over, and is not kept.
     */
    public String reissueCode(String trackingNo, String verifiedBy) {
        InformationRequestEntity request = store.require(trackingNo);
        Actor actor = requireRole(request, Role.EDITOR, "重新发放查询码");
        if (verifiedBy == null || verifiedBy.isBlank()) {
            throw new InvalidInputProblem("verifiedBy", "请说明如何核实了申请人身份（例如：申请人持居民身份证到窗口办理）。");
        }
        if (verifiedBy.strip().length() > 500) {
            throw new InvalidInputProblem("verifiedBy", "身份核实说明不能超过500字。");
        }
        String code = QueryCodes.next();
        request.replaceQueryCode(QueryCodes.hash(code));
        String detail = "重新发放查询码，原查询码作废。身份核实：" + verifiedBy.strip();
        store.append(request, RequestEvent.step(RequestEvent.Kind.CODE_REISSUED, today(), null, 0, null)
                .withDetail(detail), actor.username());
        audit("request.code", request, detail);
        return code;
    }

    /** 送达 (EDITOR): how and when the reply letter reached the applicant. */
    public RequestView delivered(String trackingNo, String form, LocalDate deliveredOn) {
        InformationRequestEntity request = store.require(trackingNo);
        Actor actor = requireRole(request, Role.EDITOR, "登记送达");
        if (request.getPhase().open()) {
            throw new ConflictProblem("本申请尚未答复，没有可送达的告知书。");
        }
        DeliveryForm how = form == null || form.isBlank() ? request.getPreferredForm() : DeliveryForm.parse(form);
        if (how == null) {
            throw new InvalidInputProblem("form", "送达方式应为 ONLINE、EMAIL、POST 或 PICKUP。");
        }
        if (deliveredOn == null || deliveredOn.isAfter(today()) || deliveredOn.isBefore(request.getAnsweredOn())) {
            throw new InvalidInputProblem("deliveredOn", "送达日期应在答复日期（" + day(request.getAnsweredOn()) + "）与今天之间。");
        }
        String detail = "告知书以“" + how.label() + "”方式送达（" + day(deliveredOn) + "）。";
        store.append(request, RequestEvent.step(RequestEvent.Kind.DELIVERED, deliveredOn, null, 0, null)
                .withDetail(detail), actor.username());
        audit("request.delivered", request, detail);
        return view(request, false);
    }

    /**
     * 建议主动公开 (EDITOR, art. 44): information disclosed to several applicants — or whose applicant suggested it — is
     * drafted as a record for the usual review. Returns the draft's key.
     */
    public String proposeProactiveDisclosure(String trackingNo, Proposal proposal) {
        InformationRequestEntity request = store.require(trackingNo);
        Actor actor = requireRole(request, Role.EDITOR, "建议主动公开");
        if (request.getOutcome() == null || !request.getOutcome().disclosed()) {
            throw new ConflictProblem("只有予以公开或部分公开的申请，其信息才能建议转为主动公开。");
        }
        Set<Long> ids = new LinkedHashSet<>();
        ids.add(request.getId());
        List<String> related = proposal.related() == null ? List.of()
                : proposal.related().stream().filter(n -> n != null && !n.isBlank()).map(String::strip).toList();
        for (String no : related) {
            InformationRequestEntity other = store.find(no).filter(o -> o.getOrgCode().equals(request.getOrgCode()))
                    .orElseThrow(() -> new InvalidInputProblem("related", "本单位没有编号为“" + no + "”的申请。"));
            if (other.getOutcome() == null || !other.getOutcome().disclosed()) {
                throw new InvalidInputProblem("related", "申请" + no + "未予公开或部分公开，不能作为依据。");
            }
            ids.add(other.getId());
        }
        if (!request.isSuggestProactive() && requests.distinctApplicants(ids) < 2) {
            throw new ConflictProblem("条例第四十四条：多个申请人就相同政府信息申请公开、且该信息属于可公开的，才可转为主动公开；"
                    + "请列出同一信息的其他申请（至少涉及两位申请人），或以申请人的建议为依据。");
        }
        Organisation org = organisations.get(request.getOrgCode());
        String body = Arrays.stream(request.getReplyText().split("\\R+")).map(String::strip).filter(p -> !p.isEmpty())
                .map(p -> "<p>" + HtmlUtils.htmlEscape(p) + "</p>").collect(Collectors.joining());
        String ref = drafting.create(new RecordInput(proposal.catalogItem(), org.code(), org.regionCode(),
                proposal.title(), proposal.summary(), null, request.getAnsweredOn(), body, List.of(), null, null, null,
                "PROACTIVE", null, null, null));
        List<String> numbers = requests.findAllById(ids).stream().map(InformationRequestEntity::getTrackingNo).toList();
        store.append(request, RequestEvent.step(RequestEvent.Kind.PROPOSED, today(), null, 0, null)
                .withDetail("建议将本申请公开的信息转为主动公开（条例第四十四条），已生成待审草稿。")
                .withNote("草稿" + ref + "；依据的申请：" + String.join("、", numbers)
                        + (request.isSuggestProactive() ? "；申请人建议主动公开" : "")), actor.username());
        audit("request.proposal", request, "建议主动公开，草稿" + ref);
        return ref;
    }

    // ----- the daily job

    /**
     * What the passing of time calls for on one request today (the daily job runs it for every open request, each in
     * its own transaction): deadlines that have passed end the request or its consultation, an overdue request is
     * marked once, and the handling organisation is reminded a few working days before the due date (once per due
     * date). The clock's cache is refreshed first, in case a calendar amendment moved its dates.
     *
     * @return the kinds of step written
     */
    public List<RequestEvent.Kind> keepClock(String trackingNo, LocalDate today) {
        InformationRequestEntity request = store.require(trackingNo);
        RequestClock clock = store.refresh(request);
        List<RequestEvent.Kind> done = new ArrayList<>();
        for (var lapse = clock.lapse(today); lapse.isPresent(); lapse = clock.lapse(today)) {
            RequestEvent step = lapse.get();
            if (step.kind() == RequestEvent.Kind.ANSWERED) {
                answer(request, step, "", null, null, null, SYSTEM);
                log.info("Request {} ended: {}", trackingNo, step.outcome());
            } else {
                String detail = "被征求意见方在" + RequestClock.CONSULTATION_WORKING_DAYS + "个工作日内未答复，征求意见于" + day(step.on())
                        + "期满，恢复计时；答复期限至" + day(clock.with(step).dueOn()) + "。";
                store.append(request, step.withDetail(detail), SYSTEM);
            }
            clock = store.clockOf(request);
            done.add(step.kind());
        }
        if (clock.phase() != RequestClock.Phase.RUNNING) {
            return done;
        }
        LocalDate due = clock.dueOn();
        int left = clock.workingDaysLeft(today).orElseThrow();
        if (left < 0 && request.getOverdueMarkedOn() == null) {
            request.markedOverdue(today);
            store.append(request, RequestEvent.step(RequestEvent.Kind.OVERDUE, today, null, 0, null)
                    .withDetail("答复期限已于" + day(due) + "届满，尚未答复。"), SYSTEM);
            log.warn("Request {} of {} is overdue: due {}", trackingNo, request.getOrgCode(), due);
            done.add(RequestEvent.Kind.OVERDUE);
        } else if (left >= 0 && left <= properties.reminderWorkingDays() && !due.equals(request.getRemindedFor())) {
            request.reminded(due);
            store.append(request, RequestEvent.step(RequestEvent.Kind.REMINDED, today, null, 0, null)
                    .withDetail("距答复期限（" + day(due) + "）还有" + left + "个工作日，请及时答复。"), SYSTEM);
            log.info("Request {} of {} is due in {} working days ({})", trackingNo, request.getOrgCode(), left, due);
            done.add(RequestEvent.Kind.REMINDED);
        }
        return done;
    }

    // ----- inside

    private void correct(InformationRequestEntity request, String description, LocalDate on, String actor) {
        String text = description == null ? "" : description.strip();
        if (text.length() < 5 || text.length() > 4000) {
            throw new InvalidInputProblem("description", "请填写补正后的所需信息描述（5至4000个字）。");
        }
        RequestClock clock = store.clockOf(request);
        RequestEvent step = clock.correct(on, today());
        String before = request.getDescription();
        request.correctedDescription(text);
        String detail = "收到补正后的申请，答复期限自该日起重新计算，至" + day(clock.with(step).dueOn()) + "。";
        store.append(request, step.withDetail(detail).withNote("补正前的描述：" + before), actor);
    }

    /** Writes the answer: the letter is composed from the history before the answer and kept as sent. */
    private void answer(InformationRequestEntity request, RequestEvent step, String text, String body, String contact,
            String transferNote, String actor) {
        String letter = letters.compose(request, store.history(request),
                new ReplyLetters.Answer(step.outcome(), text, body, contact, transferNote));
        request.answer(text, letter);
        String detail = "办理结果：" + step.outcome().label() + "。" + (body == null ? "" : "负责公开的机关：" + body + "。")
                + (transferNote == null ? "" : transferNote);
        store.append(request, step.withDetail(detail), actor);
    }

    private InformationRequestEntity applicantsOwn(String trackingNo, String code) {
        String no = trackingNo == null ? "" : trackingNo.strip();
        InformationRequestEntity request = store.find(no).orElse(null);
        if (!guard.attempt(no, code, request == null ? null : request.getQueryCodeSha256())) {
            throw new NotFoundProblem("申请编号或查询码不正确。");
        }
        return request;
    }

    private Letter letter(InformationRequestEntity request) {
        if (request.getReplyLetter() == null) {
            throw new NotFoundProblem("本申请尚未答复，还没有答复告知书。");
        }
        return new Letter("答复告知书-" + request.getTrackingNo() + ".pdf", letters.pdf(request));
    }

    private RequestView view(InformationRequestEntity r, boolean applicantView) {
        List<RequestEvent> history = store.history(r);
        RequestClock clock = store.clockOf(history);
        LocalDate today = today();
        Deadline due = clock.due().orElse(null);
        List<RequestEvent> shown = applicantView
                ? history.stream().filter(e -> e.kind().applicantSees()).map(RequestEvent::forApplicant).toList()
                : history;
        return new RequestView(r.getTrackingNo(), r.getOrgCode(), orgName(r.getOrgCode()), r.getChannel(),
                r.getArrivedOn(), r.getReceivedOn(), applicantView ? r.applicant().masked() : r.applicant(),
                r.getDescription(), r.getPurpose(), r.getPreferredForm(), r.isSuggestProactive(), clock.phase(),
                due == null ? null : due.dueOn(), due == null || due.covered(), clock.pauseUntil(),
                clock.workingDaysLeft(today).orElse(null), clock.overdue(today), clock.outcome().orElse(null),
                clock.closedOn().orElse(null), clock.answeredLate(), r.getReplyText(), r.getReplyLetter() != null,
                r.getFeeAmount(), trackingNoOf(r.getTransferredTo()), trackingNoOf(r.getTransferredFrom()),
                clock.extensionDays(), clock.pausedDays(), clock.lastDayForCorrectionNotice(),
                applicantView ? 0 : monthlyRank(r), shown, r.isDemo());
    }

    private RequestSummary summary(InformationRequestEntity r, LocalDate today) {
        boolean running = r.getPhase() == RequestClock.Phase.RUNNING && r.getDueOn() != null;
        Integer left = running ? RequestClock.workingDaysLeft(calendar, today, r.getDueOn()) : null;
        return new RequestSummary(r.getTrackingNo(), r.applicant().name(), r.getApplicantKind(),
                r.getDescription().length() > 60 ? r.getDescription().substring(0, 60) + "…" : r.getDescription(),
                r.getReceivedOn(), r.getPhase(), r.getDueOn(), r.getPauseUntil(), left, left != null && left < 0,
                left != null && left >= 0 && left <= properties.reminderWorkingDays(), r.getOutcome(),
                r.getAnsweredOn(), r.isDemo());
    }

    /** The request's place among its applicant's requests in its calendar month (fees, §1c). */
    private int monthlyRank(InformationRequestEntity r) {
        LocalDate first = r.getReceivedOn().withDayOfMonth(1);
        return (int) (properties.fees().countPerOrganisation()
                ? requests.rankInMonth(r.getApplicantKey(), r.getOrgCode(), first, r.getReceivedOn(), r.getId())
                : requests.rankInMonthOnPlatform(r.getApplicantKey(), first, r.getReceivedOn(), r.getId()));
    }

    private String trackingNoOf(Long id) {
        return id == null ? null : requests.findById(id).map(InformationRequestEntity::getTrackingNo).orElse(null);
    }

    private Submitted submitted(InformationRequestEntity request, String code, RequestClock clock) {
        Deadline due = clock.due().orElseThrow();
        return new Submitted(request.getTrackingNo(), code, request.getReceivedOn(), due.dueOn(), due.covered());
    }

    private void requireStaff(InformationRequestEntity request) {
        if (!isStaffOf(Actor.require(), request.getOrgCode())) {
            throw new AccessDeniedProblem("只有受理机关的工作人员可以查看申请人信息和办理本申请。");
        }
    }

    private static boolean isStaffOf(Actor actor, String orgCode) {
        return !actor.isResident() && !actor.roles().isEmpty() && actor.canActFor(orgCode);
    }

    private Actor requireRole(InformationRequestEntity request, Role role, String action) {
        Actor actor = Actor.require();
        if (!actor.canActFor(request.getOrgCode(), role)) {
            throw new AccessDeniedProblem("只有受理机关的" + role.label() + "可以" + action + "。");
        }
        return actor;
    }

    private void audit(String action, InformationRequestEntity request, String detail) {
        events.publishEvent(new AuditedChange(action, "info-request", request.getTrackingNo(), detail));
    }

    private String orgName(String code) {
        return organisations.find(code).map(Organisation::name).orElse(code);
    }

    private static String contactOf(Organisation o) {
        List<String> parts = new ArrayList<>();
        if (o.officePhone() != null && !o.officePhone().isBlank()) {
            parts.add("电话" + o.officePhone());
        }
        if (o.address() != null && !o.address().isBlank()) {
            parts.add("地址" + o.address());
        }
        return parts.isEmpty() ? null : String.join("，", parts);
    }

    private static String required(String field, String label, String value, String missing, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputProblem(field, missing);
        }
        if (value.strip().length() > max) {
            throw new InvalidInputProblem(field, label + "不能超过" + max + "个字。");
        }
        return value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String day(LocalDate date) {
        return RequestClock.day(date);
    }
}
