package gongkai.publishing.internal;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import org.springframework.core.io.InputStreamResource;
import org.springframework.data.domain.Page;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriUtils;

import gongkai.catalog.Catalog;
import gongkai.org.Organisations;
import gongkai.publishing.Attachment;
import gongkai.publishing.RecordFilter;
import gongkai.publishing.RecordSummary;
import gongkai.publishing.RecordTable;
import gongkai.publishing.RecordView;
import gongkai.publishing.Records;
import gongkai.publishing.TargetedAccessRequired;
import gongkai.publishing.internal.input.AttachmentStorage;
import gongkai.region.Regions;
import gongkai.shared.TooManyRequestsProblem;

/**
 * The public record pages. An index number holds a '/', so a record is reached both as
 * {@code /records/ycsmzj%2F2026-00001} (API.md) and as {@code /records/ycsmzj/2026-00001}.
 */
@Controller
class RecordPageController {

    private final Records records;
    private final AttachmentStorage storage;
    private final Catalog catalog;
    private final Organisations organisations;
    private final Regions regions;
    private final Clock clock;

    RecordPageController(Records records, AttachmentStorage storage, Catalog catalog, Organisations organisations,
            Regions regions, Clock clock) {
        this.records = records;
        this.storage = storage;
        this.catalog = catalog;
        this.organisations = organisations;
        this.regions = regions;
        this.clock = clock;
    }

    @GetMapping("/records")
    String list(@RequestParam(required = false) String domain, @RequestParam(required = false) String org,
            @RequestParam(required = false) String region, @RequestParam(required = false) String item,
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            @RequestParam(defaultValue = "0") int page, Model model) {
        RecordFilter filter = new RecordFilter(domain, org, region, item, from, to);
        Page<RecordSummary> result = records.published(filter, page, 20);
        model.addAttribute("result", result);
        model.addAttribute("filter", filter);
        model.addAttribute("heading", heading(filter));
        return "publishing/list";
    }

    @GetMapping("/records/{ref}")
    String record(@PathVariable String ref, @RequestParam(required = false) String code,
            @RequestParam(required = false) Integer version, Model model) {
        RecordView view = records.view(ref, code, version);
        model.addAttribute("record", view);
        model.addAttribute("table", RecordTable.of(view.columns(), view.rows()));
        model.addAttribute("expired", view.expiredOn(LocalDate.now(clock)));
        model.addAttribute("code", code);
        return "publishing/record";
    }

    @GetMapping("/records/{prefix}/{serial}")
    String recordBySlashedNumber(@PathVariable String prefix, @PathVariable String serial,
            @RequestParam(required = false) String code, @RequestParam(required = false) Integer version,
            Model model) {
        return record(prefix + "/" + serial, code, version, model);
    }

    /**
     * The 查阅码 box (home page, and the address the printed notice names): a code alone leads to its record's page
     * with that code, as the notice's QR link does. A GET form, so the home page that carries it stays cacheable.
     */
    @GetMapping("/code")
    ModelAndView codeAlone(@RequestParam(required = false) String code) {
        ModelAndView page = new ModelAndView("publishing/code");
        if (code == null || code.isBlank()) {
            page.addObject("message", "请输入公示上的查阅码。");
            return page;
        }
        try {
            return records.refForCode(code)
                    .map(ref -> new ModelAndView("redirect:/records/" + UriUtils.encodePath(ref, StandardCharsets.UTF_8)
                            + "?code=" + UriUtils.encodeQueryParam(AccessCodes.normalise(code), StandardCharsets.UTF_8)))
                    .orElseGet(() -> {
                        page.setStatus(HttpStatus.FORBIDDEN);
                        page.addObject("wrong", true);
                        page.addObject("message", TargetedAccessRequired.WRONG_CODE);
                        return page;
                    });
        } catch (TooManyRequestsProblem e) {
            page.setStatus(HttpStatus.TOO_MANY_REQUESTS);
            page.addObject("wrong", true);
            page.addObject("message", e.getMessage());
            return page;
        }
    }

    @GetMapping("/records/{ref}/attachments/{sha256}")
    ResponseEntity<InputStreamResource> attachment(@PathVariable String ref, @PathVariable String sha256,
            @RequestParam(required = false) String code) {
        Attachment a = records.attachment(ref, sha256, code);
        InputStream in = storage.open(a.sha256());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(a.name(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(a.mediaType()))
                .contentLength(a.size())
                .body(new InputStreamResource(in));
    }

    /** A targeted record without (the right) code: a form for the code, and nothing of the record. */
    @ExceptionHandler(TargetedAccessRequired.class)
    ModelAndView codeRequired(TargetedAccessRequired e) {
        ModelAndView page = new ModelAndView("publishing/code");
        page.setStatus(HttpStatus.FORBIDDEN);
        page.addObject("ref", e.ref());
        page.addObject("wrong", e.codeWasWrong());
        page.addObject("message", e.getMessage());
        return page;
    }

    private String heading(RecordFilter f) {
        if (f.item() != null && !f.item().isBlank()) {
            String item = catalog.item(f.item()).map(i -> i.name()).orElse(f.item());
            // One body's records of an item, as its 政府信息公开 column links them: say whose they are.
            return f.org() == null || f.org().isBlank() ? item
                    : organisations.find(f.org()).map(o -> o.name() + " · " + item).orElse(item);
        }
        if (f.domain() != null && !f.domain().isBlank()) {
            return catalog.domain(f.domain()).map(d -> d.name()).orElse(f.domain());
        }
        if (f.org() != null && !f.org().isBlank()) {
            return organisations.find(f.org()).map(o -> o.name()).orElse(f.org());
        }
        if (f.region() != null && !f.region().isBlank()) {
            return regions.find(f.region()).map(r -> r.name()).orElse(f.region());
        }
        return "全部公开信息";
    }
}
