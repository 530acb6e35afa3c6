package gongkai.requests;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

import gongkai.org.Organisation;
import gongkai.org.Organisations;
import gongkai.publishing.Drafting;
import gongkai.publishing.RecordInput;
import gongkai.requests.internal.InformationRequestEntity;
import gongkai.requests.internal.InformationRequestRepository;
import gongkai.requests.internal.QueryCodes;
import gongkai.requests.internal.ReplyLetters;
import gongkai.requests.internal.RequestStore;
import gongkai.requests.internal.RequestSteps;
import gongkai.requests.internal.RequestSteps.Taking;
import gongkai.requests.internal.RequestViews;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.ConflictProblem;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.InvalidInputProblem.FieldError;

/**
 * 申请的办理: what the handling organisation's staff read (the inbox, a request with the applicant's details, the
 * letter, a fee quote) and the steps that answer and follow up a request — the reply, a transfer, delivery, a new query
 * code and the proposal to disclose proactively. Who may take which step today is the clock's to say
 * ({@link RequestClock#allowedSteps}).
 */
@Service
@Transactional
public class RequestHandling {

    private static final int MAX_TEXT = 20000;
    private static final int INBOX_LIMIT = 500;

    private final RequestSteps steps;
    private final RequestViews views;
    private final RequestStore store;
    private final InformationRequestRepository requests;
    private final Organisations organisations;
    private final Drafting drafting;

    RequestHandling(RequestSteps steps, RequestViews views, RequestStore store, InformationRequestRepository requests,
            Organisations organisations, Drafting drafting) {
        this.steps = steps;
        this.views = views;
        this.store = store;
        this.requests = requests;
        this.organisations = organisations;
        this.drafting = drafting;
    }

    // ----- reading

    /** The request with the applicant's full details, for the handling organisation's staff. */
    @Transactional(readOnly = true)
    public RequestView view(String trackingNo) {
        return views.forStaff(steps.forStaff(trackingNo));
    }

    /** The steps the signed-in staff member may take on the request today. */
    @Transactional(readOnly = true)
    public AllowedSteps allowedSteps(String trackingNo) {
        InformationRequestEntity request = steps.forStaff(trackingNo);
        return store.clockOf(request).allowedSteps(Actor.require(), request.getOrgCode(), steps.today());
    }

    /** The reply letter, for the handling organisation's staff. */
    @Transactional(readOnly = true)
    public Letter letter(String trackingNo) {
        return views.letter(steps.forStaff(trackingNo));
    }

    /**
     * An organisation's requests, for its staff: those open (soonest due first, stopped clocks last) or those
     * answered (latest first, at most 500).
     */
    @Transactional(readOnly = true)
    public List<RequestSummary> inbox(String orgCode, boolean open) {
        if (!RequestSteps.isStaffOf(Actor.require(), orgCode)) {
            throw new AccessDeniedProblem("您只能查看本单位受理的申请。");
        }
        LocalDate today = steps.today();
        List<InformationRequestEntity> list = open
                ? requests.findByOrgCodeAndPhaseInOrderByIdAsc(orgCode, EnumSet.complementOf(
                        EnumSet.of(RequestPhase.CLOSED)))
                : requests.findByOrgCodeAndPhaseOrderByAnsweredOnDescIdDesc(orgCode, RequestPhase.CLOSED,
                        PageRequest.of(0, INBOX_LIMIT));
        List<RequestSummary> lines = list.stream().map(r -> views.summary(r, today)).toList();
        return open ? lines.stream().sorted(Comparator.comparing(RequestSummary::dueOn,
                Comparator.nullsLast(Comparator.naturalOrder()))).toList() : lines;
    }

    /** What a fee would be by each rule, for staff deciding whether to charge. */
    @Transactional(readOnly = true)
    public FeeQuote quote(String trackingNo, int pages) {
        int rank = views.monthlyRank(steps.forStaff(trackingNo));
        return new FeeQuote(rank, InformationProcessingFee.perRequest(rank), Math.max(0, pages),
                InformationProcessingFee.perVolume(Math.max(0, pages)));
    }

    // ----- answering

    /** 答复 (APPROVER): the outcome, the text, and the reply letter fixed with them. */
    public RequestView reply(String trackingNo, Reply reply) {
        Taking taking = steps.take(trackingNo, RequestStep.REPLY);
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
        RequestEvent step = store.clockOf(taking.request()).answer(outcome, steps.today());
        steps.answer(taking.request(), step, new ReplyLetters.Answer(outcome, text, body,
                blankToNull(reply.responsibleContact()), null), taking.by());
        steps.audit("request.reply", taking.request(), "答复：" + outcome.label());
        return views.forStaff(taking.request());
    }

    /**
     * 转送 (APPROVER): not this organisation's information (art. 36(五)). The request is answered so, naming the body
     * that holds it; when that is an organisation of the platform, the request goes on to it as a new request that the
     * applicant follows with the same code ({@link RequestView#transferredTo()} in the answer).
     */
    public RequestView transfer(String trackingNo, Transfer transfer) {
        Taking taking = steps.take(trackingNo, RequestStep.TRANSFER);
        InformationRequestEntity request = taking.request();
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
        RequestEvent step = store.clockOf(request).answer(RequestOutcome.NOT_HELD, steps.today());
        String body = target != null ? target.name() : transfer.body().strip();
        String contact = target != null ? contactOf(target) : blankToNull(transfer.contact());
        String note = null;
        String newNo = null;
        if (target != null) {
            InformationRequestEntity onward = new InformationRequestEntity(target.code(), ReceiptChannel.TRANSFER,
                    step.on(), step.on(), request.applicant(), request.getDescription(), request.getPurpose(),
                    request.getPreferredForm(), request.isSuggestProactive(), request.getQueryCodeSha256());
            onward.transferredFrom(request.getId());
            store.create(onward, "由" + views.orgName(request.getOrgCode()) + "转送（原申请编号" + request.getTrackingNo()
                    + "），理由：" + reason, taking.by());
            request.transferredTo(onward.getId());
            newNo = onward.getTrackingNo();
            note = "本机关已将您的申请转送" + body + "办理，新的申请编号为" + newNo + "，您可凭原查询码查询办理情况。";
        }
        steps.answer(request, step, new ReplyLetters.Answer(RequestOutcome.NOT_HELD, reason, body, contact, note),
                taking.by());
        steps.audit("request.transfer", request, "转送：" + body + (newNo == null ? "" : "（新编号" + newNo + "）"));
        return views.forStaff(request);
    }

    // ----- after the answer, and at any time

    /**
     * A new query code for an applicant who lost theirs (EDITOR), once staff have checked who is asking — how is
     * recorded in the history and the audit trail. The old code stops working; the new one is returned to be handed
     * over, and is not kept.
     */
    public String reissueCode(String trackingNo, String verifiedBy) {
        Taking taking = steps.take(trackingNo, RequestStep.REISSUE_CODE);
        if (verifiedBy == null || verifiedBy.isBlank()) {
            throw new InvalidInputProblem("verifiedBy", "请说明如何核实了申请人身份（例如：申请人持居民身份证到窗口办理）。");
        }
        if (verifiedBy.strip().length() > 500) {
            throw new InvalidInputProblem("verifiedBy", "身份核实说明不能超过500字。");
        }
        String code = QueryCodes.next();
        taking.request().replaceQueryCode(QueryCodes.hash(code));
        steps.write(taking, RequestEvent.step(RequestEvent.Kind.CODE_REISSUED, steps.today(), null, 0, null)
                .withDetail("重新发放查询码，原查询码作废。身份核实：" + verifiedBy.strip()), "request.code");
        return code;
    }

    /** 送达 (EDITOR): how and when the reply letter reached the applicant. */
    public RequestView delivered(String trackingNo, String form, LocalDate deliveredOn) {
        Taking taking = steps.take(trackingNo, RequestStep.DELIVERY);
        InformationRequestEntity request = taking.request();
        LocalDate today = steps.today();
        StepRules.require(store.clockOf(request), RequestStep.DELIVERY, today);
        DeliveryForm how = form == null || form.isBlank() ? request.getPreferredForm() : DeliveryForm.parse(form);
        if (how == null) {
            throw new InvalidInputProblem("form", "送达方式应为 ONLINE、EMAIL、POST 或 PICKUP。");
        }
        if (deliveredOn == null || deliveredOn.isAfter(today) || deliveredOn.isBefore(request.getAnsweredOn())) {
            throw new InvalidInputProblem("deliveredOn", "送达日期应在答复日期（" + RequestClock.day(request.getAnsweredOn())
                    + "）与今天之间。");
        }
        steps.write(taking, RequestEvent.step(RequestEvent.Kind.DELIVERED, deliveredOn, null, 0, null)
                .withDetail("告知书以“" + how.label() + "”方式送达（" + RequestClock.day(deliveredOn) + "）。"),
                "request.delivered");
        return views.forStaff(request);
    }

    /**
     * 建议主动公开 (EDITOR, art. 44): information disclosed to several applicants — or whose applicant suggested it — is
     * drafted as a record for the usual review. Returns the draft's key.
     */
    public String proposeProactiveDisclosure(String trackingNo, Proposal proposal) {
        Taking taking = steps.take(trackingNo, RequestStep.PROPOSAL);
        InformationRequestEntity request = taking.request();
        StepRules.require(store.clockOf(request), RequestStep.PROPOSAL, steps.today());
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
        String ref = drafting.create(draftOf(request, proposal));
        List<String> numbers = requests.findAllById(ids).stream().map(InformationRequestEntity::getTrackingNo).toList();
        steps.write(taking, RequestEvent.step(RequestEvent.Kind.PROPOSED, steps.today(), null, 0, null)
                .withDetail("建议将本申请公开的信息转为主动公开（条例第四十四条），已生成待审草稿。")
                .withNote("草稿" + ref + "；依据的申请：" + String.join("、", numbers)
                        + (request.isSuggestProactive() ? "；申请人建议主动公开" : "")), "request.proposal",
                "建议主动公开，草稿" + ref);
        return ref;
    }

    /** The proactive record drafted from the reply: one paragraph a line, escaped. */
    private RecordInput draftOf(InformationRequestEntity request, Proposal proposal) {
        Organisation org = organisations.get(request.getOrgCode());
        String body = Arrays.stream(request.getReplyText().split("\\R+")).map(String::strip).filter(p -> !p.isEmpty())
                .map(p -> "<p>" + HtmlUtils.htmlEscape(p) + "</p>").collect(Collectors.joining());
        return new RecordInput(proposal.catalogItem(), org.code(), org.regionCode(), proposal.title(),
                proposal.summary(), null, request.getAnsweredOn(), body, List.of(), null, null, null, "PROACTIVE", null,
                null, null);
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
