package gongkai.publishing.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import gongkai.publishing.Attachment;
import gongkai.publishing.Decision;
import gongkai.publishing.Drafting;
import gongkai.publishing.Publishing;
import gongkai.publishing.RecordFilter;
import gongkai.publishing.RecordInput;
import gongkai.publishing.RecordView;
import gongkai.publishing.Records;
import gongkai.shared.InvalidInputProblem;

/**
 * {@code /api/v1/records}: writing through the API (API.md) and reading what may be read. Before its first
 * publication a record is addressed by its draft key ({@code draft-N}), returned in {@code indexNo}; publication
 * gives the permanent index number, and the draft key keeps resolving to the record.
 */
@RestController
@RequestMapping("/api/v1/records")
class RecordApiController {

    private final Drafting drafting;
    private final Publishing publishing;
    private final Records records;

    RecordApiController(Drafting drafting, Publishing publishing, Records records) {
        this.drafting = drafting;
        this.publishing = publishing;
        this.records = records;
    }

    /** Body of a review or approval. */
    record DecisionBody(Decision decision, String comment, Instant publishAt, String noInterpretationReason) {
    }

    /** Body of a withdrawal or a masking. */
    record ReasonBody(String reason) {
    }

    @PostMapping
    ResponseEntity<RecordState> create(@Valid @RequestBody RecordInput input) {
        String ref = drafting.create(input);
        return ResponseEntity.created(URI.create("/api/v1/records/" + ref)).body(state(ref));
    }

    @PutMapping("/{ref}")
    RecordState update(@PathVariable String ref, @Valid @RequestBody RecordInput input) {
        drafting.update(ref, input);
        return state(ref);
    }

    @PostMapping("/{ref}/submit")
    RecordState submit(@PathVariable String ref) {
        publishing.submit(ref);
        return state(ref);
    }

    @PostMapping("/{ref}/review")
    RecordState review(@PathVariable String ref, @RequestBody DecisionBody body) {
        publishing.review(ref, requireDecision(body), body.comment());
        return state(ref);
    }

    @PostMapping("/{ref}/approve")
    RecordState approve(@PathVariable String ref, @RequestBody DecisionBody body) {
        publishing.approve(ref, requireDecision(body), body.comment(), body.publishAt(), body.noInterpretationReason());
        return state(ref);
    }

    @PostMapping("/{ref}/withdraw")
    RecordState withdraw(@PathVariable String ref, @RequestBody ReasonBody body) {
        publishing.withdraw(ref, body == null ? null : body.reason());
        return state(ref);
    }

    @PostMapping("/{ref}/revise")
    RecordState revise(@PathVariable String ref) {
        publishing.revise(ref);
        return state(ref);
    }

    @PostMapping("/{ref}/masking")
    RecordState mask(@PathVariable String ref, @RequestBody ReasonBody body) {
        int masked = drafting.applySuggestedMasking(ref, body == null ? null : body.reason());
        return state(ref).withMasked(masked);
    }

    @PostMapping("/{ref}/attachments")
    ResponseEntity<Attachment> attach(@PathVariable String ref, @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String altText) throws IOException {
        Attachment a = drafting.addAttachment(ref, file.getOriginalFilename(), file.getInputStream(), altText);
        return ResponseEntity.status(201).body(a);
    }

    @PostMapping("/{ref}/data")
    RecordState importRows(@PathVariable String ref, @RequestPart("file") MultipartFile file) throws IOException {
        int rows = drafting.importRows(ref, file.getOriginalFilename(), file.getInputStream());
        return state(ref).withRows(rows);
    }

    /** What would stop a submission now, and the privacy guard's findings (the record's staff). */
    @GetMapping("/{ref}/problems")
    EntryCheckResult problems(@PathVariable String ref) {
        return new EntryCheckResult(drafting.entryProblems(ref), drafting.privacyFindings(ref));
    }

    @GetMapping
    RecordPage list(@RequestParam(required = false) String domain, @RequestParam(required = false) String org,
            @RequestParam(required = false) String region, @RequestParam(required = false) String item,
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return RecordPage.of(records.published(new RecordFilter(domain, org, region, item, from, to), page, size));
    }

    @GetMapping("/{ref}")
    RecordView one(@PathVariable String ref, @RequestParam(required = false) String code,
            @RequestParam(required = false) Integer version) {
        return records.view(ref, code, version);
    }

    /** The same record by its index number written with a plain '/', as people copy it from a page. */
    @GetMapping("/{prefix}/{serial:\\d{4}-\\d+}")
    RecordView oneBySlashedNumber(@PathVariable String prefix, @PathVariable String serial,
            @RequestParam(required = false) String code, @RequestParam(required = false) Integer version) {
        return records.view(prefix + "/" + serial, code, version);
    }

    private RecordState state(String ref) {
        // The actor of a change is staff of the record, so the working copy is theirs to see.
        return RecordState.of(records.workingCopy(ref));
    }

    private static Decision requireDecision(DecisionBody body) {
        if (body == null || body.decision() == null) {
            throw new InvalidInputProblem("decision", "请填写决定：PASS（通过）或 REJECT（退回）。");
        }
        return body.decision();
    }
}
