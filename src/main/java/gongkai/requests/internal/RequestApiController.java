package gongkai.requests.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import gongkai.requests.Applicant;
import gongkai.requests.FeeQuote;
import gongkai.requests.InformationRequests;
import gongkai.requests.Letter;
import gongkai.requests.NewRequest;
import gongkai.requests.Proposal;
import gongkai.requests.Receipt;
import gongkai.requests.Reply;
import gongkai.requests.RequestEvent;
import gongkai.requests.RequestSummary;
import gongkai.requests.RequestView;
import gongkai.requests.Submitted;
import gongkai.requests.Transfer;

/**
 * {@code /api/v1/requests} (API.md): anyone asks; the applicant follows a request and sends a correction with the
 * query code; the handling organisation's staff read it in full and take each step. Staff sign in as on the rest of
 * the API; a request that came by post, fax or e-mail is entered with the same call plus its receipt
 * ({@code channel}, {@code arrivedOn}, {@code confirmedOn}).
 */
@RestController
@RequestMapping("/api/v1/requests")
class RequestApiController {

    private final InformationRequests requests;

    RequestApiController(InformationRequests requests) {
        this.requests = requests;
    }

    /** The body of a new request: API.md's fields, plus the receipt when staff enter one. */
    record NewRequestBody(String org, String applicantType, String name, String idType, String idNumber,
            String contactName, String phone, String email, String address, String description, String purpose,
            String preferredForm, Boolean suggestProactive, String channel, LocalDate arrivedOn,
            LocalDate confirmedOn) {

        NewRequest request() {
            return new NewRequest(org, applicantType, name, idType, idNumber, contactName, phone, email, address,
                    description, purpose, preferredForm, suggestProactive);
        }

        boolean enteredByStaff() {
            return channel != null && !channel.isBlank() && !channel.strip().equalsIgnoreCase("ONLINE");
        }
    }

    record CorrectionBody(List<String> items, LocalDate deadline) {
    }

    record CorrectedBody(String description, LocalDate receivedOn) {
    }

    record ExtensionBody(String reason, Integer workingDays) {
    }

    record ConsultationBody(String party, LocalDate sentOn) {
    }

    record ConsultationReplyBody(LocalDate receivedOn, String opinion) {
    }

    record FeeBody(String method, Integer pages) {
    }

    record PaidBody(LocalDate paidOn) {
    }

    record CodeBody(String verifiedBy) {
    }

    record DeliveryBody(String form, LocalDate deliveredOn) {
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(@RequestBody NewRequestBody body) {
        Submitted s = body.enteredByStaff()
                ? requests.enter(body.request(), new Receipt(body.channel(), body.arrivedOn(), body.confirmedOn()))
                : requests.submit(body.request());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("trackingNo", s.trackingNo());
        out.put("code", s.code());
        out.put("receivedOn", s.receivedOn());
        out.put("dueOn", s.dueOn());
        out.put("dueOnMayMove", !s.dueCovered());
        return ResponseEntity.created(URI.create("/api/v1/requests/" + s.trackingNo())).body(out);
    }

    /** With the code, the applicant's view; without it, the staff view for the handling organisation. */
    @GetMapping("/{trackingNo}")
    Map<String, Object> read(@PathVariable String trackingNo, @RequestParam(required = false) String code) {
        return code == null ? json(requests.view(trackingNo)) : json(requests.track(trackingNo, code));
    }

    @GetMapping
    List<Map<String, Object>> inbox(@RequestParam String org, @RequestParam(defaultValue = "true") boolean open) {
        return requests.inbox(org, open).stream().map(RequestApiController::json).toList();
    }

    @GetMapping("/{trackingNo}/letter.pdf")
    ResponseEntity<byte[]> letter(@PathVariable String trackingNo, @RequestParam(required = false) String code) {
        return pdf(code == null ? requests.letter(trackingNo) : requests.letterForApplicant(trackingNo, code));
    }

    @GetMapping("/{trackingNo}/fee-quote")
    FeeQuote quote(@PathVariable String trackingNo, @RequestParam(defaultValue = "0") int pages) {
        return requests.quote(trackingNo, pages);
    }

    @PostMapping("/{trackingNo}/correction")
    Map<String, Object> correction(@PathVariable String trackingNo, @RequestBody CorrectionBody body) {
        return json(requests.requestCorrection(trackingNo, body.items(), body.deadline()));
    }

    /** With the code, the applicant's corrected application (received today); without it, staff record one. */
    @PostMapping("/{trackingNo}/corrected")
    Map<String, Object> corrected(@PathVariable String trackingNo, @RequestParam(required = false) String code,
            @RequestBody CorrectedBody body) {
        return code == null ? json(requests.recordCorrection(trackingNo, body.description(), body.receivedOn()))
                : json(requests.correctByApplicant(trackingNo, code, body.description()));
    }

    @PostMapping("/{trackingNo}/extension")
    Map<String, Object> extension(@PathVariable String trackingNo, @RequestBody ExtensionBody body) {
        return json(requests.extend(trackingNo, body.reason(), body.workingDays()));
    }

    @PostMapping("/{trackingNo}/consultation")
    Map<String, Object> consultation(@PathVariable String trackingNo, @RequestBody ConsultationBody body) {
        return json(requests.startConsultation(trackingNo, body.party(), body.sentOn()));
    }

    @PostMapping("/{trackingNo}/consultation-reply")
    Map<String, Object> consultationReply(@PathVariable String trackingNo, @RequestBody ConsultationReplyBody body) {
        return json(requests.endConsultation(trackingNo, body.receivedOn(), body.opinion()));
    }

    @PostMapping("/{trackingNo}/fee")
    Map<String, Object> fee(@PathVariable String trackingNo, @RequestBody FeeBody body) {
        return json(requests.requestFee(trackingNo, body.method(), body.pages()));
    }

    @PostMapping("/{trackingNo}/fee-paid")
    Map<String, Object> feePaid(@PathVariable String trackingNo, @RequestBody PaidBody body) {
        return json(requests.feePaid(trackingNo, body.paidOn()));
    }

    @PostMapping("/{trackingNo}/reply")
    Map<String, Object> reply(@PathVariable String trackingNo, @RequestBody Reply body) {
        return json(requests.reply(trackingNo, body));
    }

    @PostMapping("/{trackingNo}/transfer")
    Map<String, Object> transfer(@PathVariable String trackingNo, @RequestBody Transfer body) {
        String onward = requests.transfer(trackingNo, body);
        Map<String, Object> out = json(requests.view(trackingNo));
        out.put("transferredTo", onward);
        return out;
    }

    /** A new query code for an applicant who lost theirs; answered once, never stored. */
    @PostMapping("/{trackingNo}/code")
    Map<String, Object> reissueCode(@PathVariable String trackingNo, @RequestBody(required = false) CodeBody body) {
        String code = requests.reissueCode(trackingNo, body == null ? null : body.verifiedBy());
        return Map.of("trackingNo", trackingNo, "code", code);
    }

    @PostMapping("/{trackingNo}/delivery")
    Map<String, Object> delivery(@PathVariable String trackingNo, @RequestBody DeliveryBody body) {
        return json(requests.delivered(trackingNo, body.form(), body.deliveredOn()));
    }

    @PostMapping("/{trackingNo}/proposal")
    ResponseEntity<Map<String, Object>> proposal(@PathVariable String trackingNo, @RequestBody Proposal body) {
        String draft = requests.proposeProactiveDisclosure(trackingNo, body);
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/records/" + draft))
                .body(Map.of("draft", draft, "status", "DRAFT"));
    }

    static ResponseEntity<byte[]> pdf(Letter letter) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(letter.filename(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(letter.pdf());
    }

    static Map<String, Object> json(RequestView v) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("trackingNo", v.trackingNo());
        out.put("org", Map.of("code", v.orgCode(), "name", v.orgName()));
        out.put("status", v.phase().name());
        out.put("statusLabel", v.phase().label());
        out.put("channel", v.channel().name());
        out.put("receivedOn", v.receivedOn());
        out.put("dueOn", v.dueOn());
        out.put("dueOnMayMove", !v.dueCovered());
        out.put("pausedUntil", v.pauseUntil());
        out.put("workingDaysLeft", v.workingDaysLeft());
        out.put("overdue", v.overdue());
        out.put("extensionWorkingDays", v.extensionDays());
        out.put("pausedWorkingDays", v.pausedDays());
        out.put("applicant", applicant(v.applicant()));
        out.put("description", v.description());
        out.put("purpose", v.purpose());
        out.put("preferredForm", v.preferredForm().name());
        out.put("suggestProactive", v.suggestProactive());
        out.put("outcome", v.outcome() == null ? null : v.outcome().name());
        out.put("outcomeLabel", v.outcome() == null ? null : v.outcome().label());
        out.put("answeredOn", v.answeredOn());
        out.put("answeredLate", v.answeredLate());
        out.put("replyText", v.replyText());
        out.put("letter", v.hasLetter() ? "/api/v1/requests/" + v.trackingNo() + "/letter.pdf" : null);
        out.put("fee", v.feeAmount() == null ? null : v.feeAmount().toPlainString());
        out.put("transferredTo", v.transferredTo());
        out.put("transferredFrom", v.transferredFrom());
        if (v.monthlyRank() > 0) {
            out.put("monthlyRank", v.monthlyRank());
        }
        out.put("history", v.history().stream().map(RequestApiController::json).toList());
        out.put("demo", v.demo());
        return out;
    }

    private static Map<String, Object> applicant(Applicant a) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("applicantType", a.kind().name());
        out.put("name", a.name());
        out.put("idType", a.idType().name());
        out.put("idNumber", a.idNumber());
        out.put("contactName", a.contactName());
        out.put("phone", a.phone());
        out.put("email", a.email());
        out.put("address", a.address());
        return out;
    }

    private static Map<String, Object> json(RequestEvent e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seq", e.seq());
        out.put("kind", e.kind().name());
        out.put("label", e.kind().label());
        out.put("on", e.on());
        out.put("until", e.until());
        if (e.days() != 0) {
            out.put("workingDays", e.days());
        }
        out.put("outcome", e.outcome() == null ? null : e.outcome().name());
        out.put("detail", e.detail());
        if (e.note() != null) {
            out.put("note", e.note());
        }
        out.put("by", e.actor());
        out.put("at", e.recordedAt());
        return out;
    }

    static Map<String, Object> json(RequestSummary s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("trackingNo", s.trackingNo());
        out.put("applicantName", s.applicantName());
        out.put("applicantType", s.applicantKind().name());
        out.put("description", s.description());
        out.put("receivedOn", s.receivedOn());
        out.put("status", s.phase().name());
        out.put("dueOn", s.dueOn());
        out.put("pausedUntil", s.pauseUntil());
        out.put("workingDaysLeft", s.workingDaysLeft());
        out.put("overdue", s.overdue());
        out.put("dueSoon", s.dueSoon());
        out.put("outcome", s.outcome() == null ? null : s.outcome().name());
        out.put("answeredOn", s.answeredOn());
        return out;
    }
}
