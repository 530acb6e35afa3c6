package gongkai.requests.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import gongkai.catalog.Catalog;
import gongkai.org.Organisation;
import gongkai.org.Organisations;
import gongkai.requests.AllowedSteps;
import gongkai.requests.AppealDecision;
import gongkai.requests.AppealKind;
import gongkai.requests.AppealResult;
import gongkai.requests.Appeals;
import gongkai.requests.ApplicantKind;
import gongkai.requests.DeliveryForm;
import gongkai.requests.FeeMethod;
import gongkai.requests.IdType;
import gongkai.requests.ClockKeeping;
import gongkai.requests.RequestHandling;
import gongkai.requests.RequestIntake;
import gongkai.requests.NewAppeal;
import gongkai.requests.NewRequest;
import gongkai.requests.Proposal;
import gongkai.requests.ReceiptChannel;
import gongkai.requests.Receipt;
import gongkai.requests.Reply;
import gongkai.requests.RequestOutcome;
import gongkai.requests.RequestStep;
import gongkai.requests.RequestSummary;
import gongkai.requests.RequestView;
import gongkai.requests.Transfer;
import gongkai.shared.Actor;
import gongkai.shared.TodoSource;
import gongkai.shared.Todos;
import gongkai.shared.BackOfficeStep;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.Role;

/** Back office: an organisation's inbox, entering a request received in person or on paper, and each step as a form. */
@Controller
@RequestMapping("/admin/requests")
class RequestAdminController {

    private final RequestIntake intake;
    private final RequestHandling handling;
    private final ClockKeeping clockKeeping;
    private final Appeals appeals;
    private final Organisations organisations;
    private final Catalog catalog;
    private final RequestsProperties properties;
    private final Clock clock;
    private final Todos todos;

    RequestAdminController(RequestIntake intake, RequestHandling handling, ClockKeeping clockKeeping, Appeals appeals,
            Organisations organisations, Catalog catalog, RequestsProperties properties, Clock clock, Todos todos) {
        this.todos = todos;
        this.intake = intake;
        this.handling = handling;
        this.clockKeeping = clockKeeping;
        this.appeals = appeals;
        this.organisations = organisations;
        this.catalog = catalog;
        this.properties = properties;
        this.clock = clock;
    }

    @InitBinder
    void codes(WebDataBinder binder) {
        FormCodes.register(binder);
    }

    @GetMapping
    String inbox(@RequestParam(required = false) String org, @RequestParam(defaultValue = "false") boolean closed,
            @RequestParam(required = false) String due, Model model) {
        Actor actor = Actor.require();
        String code = org != null && !org.isBlank() && actor.cityWide() ? org : actor.orgCode();
        List<RequestSummary> all = handling.inbox(code, !closed);
        // The dashboard's to-do counts lead here: due=soon (within five working days) or due=overdue.
        String filter = closed ? null : "soon".equals(due) || "overdue".equals(due) ? due : null;
        List<RequestSummary> list = filter == null ? all : all.stream()
                .filter("soon".equals(filter) ? RequestSummary::dueWithinFiveWorkingDays : RequestSummary::overdue)
                .toList();
        model.addAttribute("due", filter);
        model.addAttribute("todos", todos.of(TodoSource.REQUESTS));
        model.addAttribute("org", organisations.get(code));
        model.addAttribute("organisations", actor.cityWide() ? organisations.all() : List.of());
        model.addAttribute("closed", closed);
        model.addAttribute("list", list);
        model.addAttribute("overdue", all.stream().filter(RequestSummary::overdue).count());
        model.addAttribute("dueSoon", all.stream().filter(RequestSummary::dueSoon).count());
        model.addAttribute("reminderDays", properties.reminderWorkingDays());
        model.addAttribute("canEnter", actor.canActFor(code, Role.EDITOR));
        return "requests/admin-inbox";
    }

    @GetMapping("/new")
    String newEntry(Model model) {
        Actor actor = Actor.require();
        NewRequest blank = new NewRequest(actor.orgCode(), ApplicantKind.NATURAL_PERSON, null,
                IdType.RESIDENT_ID, null, null, null, null, null, null, null, DeliveryForm.POST, null);
        return entryForm(model, blank, new Receipt(ReceiptChannel.IN_PERSON.name(), LocalDate.now(clock), null),
                null);
    }

    @PostMapping
    String enter(@ModelAttribute NewRequest input, @RequestParam(defaultValue = "") String channel,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate arrivedOn,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate confirmedOn, Model model) {
        Receipt receipt = new Receipt(channel, arrivedOn, confirmedOn);
        try {
            model.addAttribute("submitted", intake.enter(input, receipt));
        } catch (InvalidInputProblem e) {
            return entryForm(model, input, receipt, e);
        }
        return "requests/admin-entered";
    }

    @GetMapping("/{no}")
    String request(@PathVariable String no, @RequestParam(defaultValue = "0") int pages, Model model) {
        RequestView view = handling.view(no);
        AllowedSteps allowed = handling.allowedSteps(no);
        model.addAttribute("request", view);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("can", allowed.byName());
        model.addAttribute("anyStep", allowed.any());
        model.addAttribute("quote", handling.quote(no, pages));
        model.addAttribute("outcomes", outcomesByGroup());
        model.addAttribute("forms", DeliveryForm.values());
        model.addAttribute("feeMethods", FeeMethod.values());
        model.addAttribute("others", organisations.all().stream().filter(o -> !o.code().equals(view.orgCode()))
                .toList());
        model.addAttribute("appeals", appeals.cases(no));
        model.addAttribute("appealKinds", AppealKind.values());
        model.addAttribute("appealResults", AppealResult.values());
        if (allowed.allows(RequestStep.PROPOSAL)) {
            Organisation org = organisations.get(view.orgCode());
            model.addAttribute("items", catalog.itemsOwnedBy(org));
        }
        return "requests/admin-request";
    }

    @GetMapping("/{no}/letter.pdf")
    ResponseEntity<byte[]> letter(@PathVariable String no) {
        return RequestApiController.pdf(handling.letter(no));
    }

    @PostMapping("/{no}/correction")
    String correction(@PathVariable String no, @RequestParam(defaultValue = "") String items,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate deadline,
            RedirectAttributes redirect) {
        return act(no, redirect, () -> clockKeeping.requestCorrection(no, Arrays.asList(items.split("\\R")), deadline),
                "已告知补正，暂停计时。");
    }

    @PostMapping("/{no}/corrected")
    String corrected(@PathVariable String no, @RequestParam(defaultValue = "") String description,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate receivedOn,
            RedirectAttributes redirect) {
        return act(no, redirect, () -> clockKeeping.recordCorrection(no, description, receivedOn),
                "已登记补正后的申请，答复期限重新计算。");
    }

    @PostMapping("/{no}/extension")
    String extension(@PathVariable String no, @RequestParam(defaultValue = "") String reason,
            @RequestParam(required = false) Integer workingDays, RedirectAttributes redirect) {
        return act(no, redirect, () -> clockKeeping.extend(no, reason, workingDays), "已延长答复期限，并告知申请人。");
    }

    @PostMapping("/{no}/consultation")
    String consultation(@PathVariable String no, @RequestParam(defaultValue = "") String party,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate sentOn,
            RedirectAttributes redirect) {
        return act(no, redirect, () -> clockKeeping.startConsultation(no, party, sentOn), "已登记征求意见，暂停计时。");
    }

    @PostMapping("/{no}/consultation-reply")
    String consultationReply(@PathVariable String no,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate receivedOn,
            @RequestParam(defaultValue = "") String opinion, RedirectAttributes redirect) {
        return act(no, redirect, () -> clockKeeping.endConsultation(no, receivedOn, opinion), "已登记意见，恢复计时。");
    }

    @PostMapping("/{no}/fee")
    String fee(@PathVariable String no, @RequestParam(defaultValue = "") String method,
            @RequestParam(required = false) Integer pages, RedirectAttributes redirect) {
        return act(no, redirect, () -> clockKeeping.requestFee(no, method, pages), "已发出收费通知，暂停计时。");
    }

    @PostMapping("/{no}/fee-paid")
    String feePaid(@PathVariable String no,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate paidOn,
            RedirectAttributes redirect) {
        return act(no, redirect, () -> clockKeeping.feePaid(no, paidOn), "已登记缴费，恢复计时。");
    }

    @PostMapping("/{no}/reply")
    String reply(@PathVariable String no, @RequestParam(defaultValue = "") String outcome,
            @RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "") String responsibleBody,
            @RequestParam(defaultValue = "") String responsibleContact, RedirectAttributes redirect) {
        return act(no, redirect, () -> handling.reply(no, new Reply(outcome, text, responsibleBody,
                responsibleContact)), "已答复，告知书已生成。");
    }

    @PostMapping("/{no}/transfer")
    String transfer(@PathVariable String no, @RequestParam(defaultValue = "") String org,
            @RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "") String contact,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        String[] onward = {null};
        String result = act(no, redirect, () -> onward[0] = handling.transfer(no, new Transfer(org, body, contact,
                reason)).transferredTo(), null);
        if (onward[0] != null) {
            redirect.addFlashAttribute("notice", "已转送，新的申请编号为" + onward[0] + "；告知书已生成。");
        } else if (!redirect.getFlashAttributes().containsKey("problem")) {
            redirect.addFlashAttribute("notice", "已答复并告知负责公开的机关；告知书已生成。");
        }
        return result;
    }

    @PostMapping("/{no}/code")
    String reissueCode(@PathVariable String no, @RequestParam(defaultValue = "") String verifiedBy,
            RedirectAttributes redirect) {
        String[] code = {null};
        String result = act(no, redirect, () -> code[0] = handling.reissueCode(no, verifiedBy), null);
        if (code[0] != null) {
            redirect.addFlashAttribute("newCode", code[0]);
        }
        return result;
    }

    @PostMapping("/{no}/delivery")
    String delivery(@PathVariable String no, @RequestParam(defaultValue = "") String form,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate deliveredOn,
            RedirectAttributes redirect) {
        return act(no, redirect, () -> handling.delivered(no, form, deliveredOn), "已登记送达。");
    }

    @PostMapping("/{no}/proposal")
    String proposal(@PathVariable String no, @RequestParam(defaultValue = "") String catalogItem,
            @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String summary,
            @RequestParam(defaultValue = "") String related, RedirectAttributes redirect) {
        String[] draft = {null};
        String result = act(no, redirect, () -> draft[0] = handling.proposeProactiveDisclosure(no, new Proposal(
                catalogItem, title, summary, related.isBlank() ? List.of() : Arrays.asList(related.split(
                        "[、,，;；\\s]+")))), null);
        if (draft[0] != null) {
            redirect.addFlashAttribute("notice", "已生成主动公开草稿 " + draft[0] + "，请在“信息发布”中完善后提交审核。");
        }
        return result;
    }

    @PostMapping("/{no}/appeals")
    String registerAppeal(@PathVariable String no, @RequestParam(defaultValue = "") String kind,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate filedOn,
            @RequestParam(defaultValue = "") String authority, @RequestParam(defaultValue = "") String caseNumber,
            RedirectAttributes redirect) {
        return act(no, redirect, () -> appeals.register(no, new NewAppeal(kind, filedOn, authority, caseNumber)),
                "已登记行政复议或行政诉讼案件。");
    }

    @PostMapping("/{no}/appeals/{id}")
    String recordAppealResult(@PathVariable String no, @PathVariable long id,
            @RequestParam(defaultValue = "") String result,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate decidedOn,
            RedirectAttributes redirect) {
        return act(no, redirect, () -> appeals.recordResult(no, id, new AppealDecision(result, decidedOn)),
                "已登记案件结果。");
    }

    private static String act(String no, RedirectAttributes redirect, Runnable step, String done) {
        return BackOfficeStep.run("/admin/requests/" + no, redirect, step, done);
    }

    private String entryForm(Model model, NewRequest values, Receipt receipt, InvalidInputProblem problem) {
        model.addAttribute("values", values);
        model.addAttribute("receipt", receipt);
        model.addAttribute("problem", problem);
        model.addAttribute("org", organisations.get(Actor.require().orgCode()));
        model.addAttribute("kinds", ApplicantKind.values());
        model.addAttribute("idTypes", IdType.personal());
        model.addAttribute("forms", DeliveryForm.values());
        model.addAttribute("channels", ReceiptChannel.staffEntered());
        return "requests/admin-new";
    }

    private static Map<String, List<RequestOutcome>> outcomesByGroup() {
        Map<String, List<RequestOutcome>> groups = new LinkedHashMap<>();
        for (RequestOutcome o : RequestOutcome.choosable()) {
            groups.computeIfAbsent(o.group().label(), g -> new java.util.ArrayList<>()).add(o);
        }
        return groups;
    }
}
