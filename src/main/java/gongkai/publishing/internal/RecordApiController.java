package gongkai.publishing.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.data.domain.Page;
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
import gongkai.publishing.RecordSummary;
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
    ResponseEntity<Map<String, Object>> create(@Valid @RequestBody RecordInput input) {
        String ref = drafting.create(input);
        return ResponseEntity.created(URI.create("/api/v1/records/" + ref)).body(state(ref));
    }

    @PutMapping("/{ref}")
    Map<String, Object> update(@PathVariable String ref, @Valid @RequestBody RecordInput input) {
        drafting.update(ref, input);
        return state(ref);
    }

    @PostMapping("/{ref}/submit")
    Map<String, Object> submit(@PathVariable String ref) {
        publishing.submit(ref);
        return state(ref);
    }

    @PostMapping("/{ref}/review")
    Map<String, Object> review(@PathVariable String ref, @RequestBody DecisionBody body) {
        publishing.review(ref, requireDecision(body), body.comment());
        return state(ref);
    }

    @PostMapping("/{ref}/approve")
    Map<String, Object> approve(@PathVariable String ref, @RequestBody DecisionBody body) {
        publishing.approve(ref, requireDecision(body), body.comment(), body.publishAt(), body.noInterpretationReason());
        return state(ref);
    }

    @PostMapping("/{ref}/withdraw")
    Map<String, Object> withdraw(@PathVariable String ref, @RequestBody ReasonBody body) {
        publishing.withdraw(ref, body == null ? null : body.reason());
        return state(ref);
    }

    @PostMapping("/{ref}/revise")
    Map<String, Object> revise(@PathVariable String ref) {
        publishing.revise(ref);
        return state(ref);
    }

    @PostMapping("/{ref}/masking")
    Map<String, Object> mask(@PathVariable String ref, @RequestBody ReasonBody body) {
        int masked = drafting.applySuggestedMasking(ref, body == null ? null : body.reason());
        Map<String, Object> result = state(ref);
        result.put("masked", masked);
        return result;
    }

    @PostMapping("/{ref}/attachments")
    ResponseEntity<Attachment> attach(@PathVariable String ref, @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String altText) throws IOException {
        Attachment a = drafting.addAttachment(ref, file.getOriginalFilename(), file.getInputStream(), altText);
        return ResponseEntity.status(201).body(a);
    }

    @PostMapping("/{ref}/data")
    Map<String, Object> importRows(@PathVariable String ref, @RequestPart("file") MultipartFile file)
            throws IOException {
        int rows = drafting.importRows(ref, file.getOriginalFilename(), file.getInputStream());
        Map<String, Object> result = state(ref);
        result.put("rows", rows);
        return result;
    }

    /** What would stop a submission now, and the privacy guard's findings (the record's staff). */
    @GetMapping("/{ref}/problems")
    Map<String, Object> problems(@PathVariable String ref) {
        return Map.of("problems", drafting.entryProblems(ref), "privacy", drafting.privacyFindings(ref));
    }

    @GetMapping
    Map<String, Object> list(@RequestParam(required = false) String domain, @RequestParam(required = false) String org,
            @RequestParam(required = false) String region, @RequestParam(required = false) String item,
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Page<RecordSummary> result = records.published(new RecordFilter(domain, org, region, item, from, to), page, size);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("records", result.getContent());
        body.put("page", result.getNumber());
        body.put("size", result.getSize());
        body.put("total", result.getTotalElements());
        body.put("totalPages", result.getTotalPages());
        return body;
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

    private Map<String, Object> state(String ref) {
        // The actor of a change is staff of the record, so the working copy is theirs to see.
        RecordView view = records.workingCopy(ref);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("indexNo", view.ref());
        result.put("permanent", view.indexNo() != null);
        result.put("status", view.status());
        result.put("title", view.title());
        result.put("version", view.version());
        result.put("catalogItem", view.catalogItem());
        result.put("org", view.org());
        result.put("region", view.region());
        result.put("audience", view.audience().code());
        if (view.accessCode() != null) {
            result.put("accessCode", view.accessCode());
        }
        return result;
    }

    private static Decision requireDecision(DecisionBody body) {
        if (body == null || body.decision() == null) {
            throw new InvalidInputProblem("decision", "请填写决定：PASS（通过）或 REJECT（退回）。");
        }
        return body.decision();
    }
}
