package gongkai.requests.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

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

import gongkai.requests.FeeQuote;
import gongkai.requests.IdType;
import gongkai.requests.ApplicantAccess;
import gongkai.requests.ApplicantKind;
import gongkai.requests.ClockKeeping;
import gongkai.requests.DeliveryForm;
import gongkai.requests.RequestHandling;
import gongkai.requests.RequestIntake;
import gongkai.requests.Letter;
import gongkai.requests.NewRequest;
import gongkai.requests.Proposal;
import gongkai.requests.Receipt;
import gongkai.requests.Reply;
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

    private final RequestIntake intake;
    private final ApplicantAccess applicants;
    private final RequestHandling handling;
    private final ClockKeeping clockKeeping;

    RequestApiController(RequestIntake intake, ApplicantAccess applicants, RequestHandling handling,
            ClockKeeping clockKeeping) {
        this.intake = intake;
        this.applicants = applicants;
        this.handling = handling;
        this.clockKeeping = clockKeeping;
    }

    /** The body of a new request: API.md's fields, plus the receipt when staff enter one. */
    record NewRequestBody(String org, ApplicantKind applicantType, String name, IdType idType, String idNumber,
            String contactName, String phone, String email, String address, String description, String purpose,
            DeliveryForm preferredForm, Boolean suggestProactive, String channel, LocalDate arrivedOn,
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

    /**
     * A new request's number and query code (shown this once), its date of receipt and due date.
     *
     * @param dueOnMayMove whether the due date still rests on an unpublished holiday notice
     */
    record SubmittedAnswer(String trackingNo, String code, LocalDate receivedOn, LocalDate dueOn,
            boolean dueOnMayMove) {
    }

    /** A new query code, answered once and never stored. */
    record NewCode(String trackingNo, String code) {
    }

    /** The record draft a proposal made (its draft key). */
    record DraftAnswer(String draft, String status) {
    }

    @PostMapping
    ResponseEntity<SubmittedAnswer> create(@RequestBody NewRequestBody body) {
        Submitted s = body.enteredByStaff()
                ? intake.enter(body.request(), new Receipt(body.channel(), body.arrivedOn(), body.confirmedOn()))
                : intake.submit(body.request());
        return ResponseEntity.created(URI.create("/api/v1/requests/" + s.trackingNo()))
                .body(new SubmittedAnswer(s.trackingNo(), s.code(), s.receivedOn(), s.dueOn(), !s.dueCovered()));
    }

    /** With the code, the applicant's view; without it, the staff view for the handling organisation. */
    @GetMapping("/{trackingNo}")
    RequestAnswer read(@PathVariable String trackingNo, @RequestParam(required = false) String code) {
        return RequestAnswer.of(code == null ? handling.view(trackingNo) : applicants.track(trackingNo, code));
    }

    @GetMapping
    List<InboxLine> inbox(@RequestParam String org, @RequestParam(defaultValue = "true") boolean open) {
        return handling.inbox(org, open).stream().map(InboxLine::of).toList();
    }

    @GetMapping("/{trackingNo}/letter.pdf")
    ResponseEntity<byte[]> letter(@PathVariable String trackingNo, @RequestParam(required = false) String code) {
        return pdf(code == null ? handling.letter(trackingNo) : applicants.letterForApplicant(trackingNo, code));
    }

    @GetMapping("/{trackingNo}/fee-quote")
    FeeQuote quote(@PathVariable String trackingNo, @RequestParam(defaultValue = "0") int pages) {
        return handling.quote(trackingNo, pages);
    }

    @PostMapping("/{trackingNo}/correction")
    RequestAnswer correction(@PathVariable String trackingNo, @RequestBody CorrectionBody body) {
        return RequestAnswer.of(clockKeeping.requestCorrection(trackingNo, body.items(), body.deadline()));
    }

    /** With the code, the applicant's corrected application (received today); without it, staff record one. */
    @PostMapping("/{trackingNo}/corrected")
    RequestAnswer corrected(@PathVariable String trackingNo, @RequestParam(required = false) String code,
            @RequestBody CorrectedBody body) {
        return RequestAnswer.of(code == null
                ? clockKeeping.recordCorrection(trackingNo, body.description(), body.receivedOn())
                : applicants.correctByApplicant(trackingNo, code, body.description()));
    }

    @PostMapping("/{trackingNo}/extension")
    RequestAnswer extension(@PathVariable String trackingNo, @RequestBody ExtensionBody body) {
        return RequestAnswer.of(clockKeeping.extend(trackingNo, body.reason(), body.workingDays()));
    }

    @PostMapping("/{trackingNo}/consultation")
    RequestAnswer consultation(@PathVariable String trackingNo, @RequestBody ConsultationBody body) {
        return RequestAnswer.of(clockKeeping.startConsultation(trackingNo, body.party(), body.sentOn()));
    }

    @PostMapping("/{trackingNo}/consultation-reply")
    RequestAnswer consultationReply(@PathVariable String trackingNo, @RequestBody ConsultationReplyBody body) {
        return RequestAnswer.of(clockKeeping.endConsultation(trackingNo, body.receivedOn(), body.opinion()));
    }

    @PostMapping("/{trackingNo}/fee")
    RequestAnswer fee(@PathVariable String trackingNo, @RequestBody FeeBody body) {
        return RequestAnswer.of(clockKeeping.requestFee(trackingNo, body.method(), body.pages()));
    }

    @PostMapping("/{trackingNo}/fee-paid")
    RequestAnswer feePaid(@PathVariable String trackingNo, @RequestBody PaidBody body) {
        return RequestAnswer.of(clockKeeping.feePaid(trackingNo, body.paidOn()));
    }

    @PostMapping("/{trackingNo}/reply")
    RequestAnswer reply(@PathVariable String trackingNo, @RequestBody Reply body) {
        return RequestAnswer.of(handling.reply(trackingNo, body));
    }

    @PostMapping("/{trackingNo}/transfer")
    RequestAnswer transfer(@PathVariable String trackingNo, @RequestBody Transfer body) {
        return RequestAnswer.of(handling.transfer(trackingNo, body));
    }

    /** A new query code for an applicant who lost theirs; answered once, never stored. */
    @PostMapping("/{trackingNo}/code")
    NewCode reissueCode(@PathVariable String trackingNo, @RequestBody(required = false) CodeBody body) {
        String code = handling.reissueCode(trackingNo, body == null ? null : body.verifiedBy());
        return new NewCode(trackingNo, code);
    }

    @PostMapping("/{trackingNo}/delivery")
    RequestAnswer delivery(@PathVariable String trackingNo, @RequestBody DeliveryBody body) {
        return RequestAnswer.of(handling.delivered(trackingNo, body.form(), body.deliveredOn()));
    }

    @PostMapping("/{trackingNo}/proposal")
    ResponseEntity<DraftAnswer> proposal(@PathVariable String trackingNo, @RequestBody Proposal body) {
        String draft = handling.proposeProactiveDisclosure(trackingNo, body);
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/records/" + draft))
                .body(new DraftAnswer(draft, "DRAFT"));
    }

    static ResponseEntity<byte[]> pdf(Letter letter) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(letter.filename(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(letter.pdf());
    }
}
