package gongkai.publishing.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import gongkai.catalog.Audience;
import gongkai.catalog.Catalog;
import gongkai.catalog.CatalogItem;
import gongkai.catalog.ReportingPeriod;
import gongkai.org.Organisation;
import gongkai.org.Organisations;
import gongkai.privacy.Finding;
import gongkai.publishing.Approval;
import gongkai.publishing.Attachment;
import gongkai.publishing.Decision;
import gongkai.publishing.DocumentCategory;
import gongkai.publishing.Drafting;
import gongkai.publishing.InterpretationKind;
import gongkai.publishing.Publishing;
import gongkai.publishing.RecordAction;
import gongkai.publishing.RecordActions;
import gongkai.publishing.RecordInput;
import gongkai.publishing.RecordView;
import gongkai.publishing.Records;
import gongkai.publishing.Validity;
import gongkai.publishing.internal.input.AttachmentStorage;
import gongkai.region.Region;
import gongkai.region.Regions;
import gongkai.shared.Actor;
import gongkai.shared.TodoSource;
import gongkai.shared.Todos;
import gongkai.shared.BackOfficeStep;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.PlatformConfiguration;
import gongkai.shared.Role;

/** Back office: the inbox and queues, the record form, and each step of the review as a button. */
@Controller
@RequestMapping("/admin/records")
class RecordAdminController {

    /** Blank rows the form adds at a time without scripts (再加5行); with scripts rows are added one by one. */
    static final int MORE_ROWS = 5;
    private static final String MORE_ROWS_ACTION = "moreRows";
    private static final String IMPORT_ROWS_ACTION = "importRows";
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Drafting drafting;
    private final Publishing publishing;
    private final Records records;
    private final Catalog catalog;
    private final Organisations organisations;
    private final Regions regions;
    private final Clock clock;
    private final AttachmentStorage storage;
    private final Todos todos;
    private final RecordFiles files;

    RecordAdminController(Drafting drafting, Publishing publishing, Records records, Catalog catalog,
            Organisations organisations, Regions regions, Clock clock, AttachmentStorage storage, Todos todos,
            RecordFiles files) {
        this.todos = todos;
        this.storage = storage;
        this.files = files;
        this.drafting = drafting;
        this.publishing = publishing;
        this.records = records;
        this.catalog = catalog;
        this.organisations = organisations;
        this.regions = regions;
        this.clock = clock;
    }

    @GetMapping
    String inbox(@RequestParam(required = false) Records.Queue queue, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "") String q, Model model) {
        Map<Records.Queue, Long> counts = records.counts();
        Records.Queue shown = queue != null ? queue : counts.keySet().stream().findFirst().orElse(Records.Queue.PUBLISHED);
        model.addAttribute("counts", counts);
        model.addAttribute("queue", shown);
        model.addAttribute("result", records.queue(shown, page, q));
        model.addAttribute("q", q.strip());
        model.addAttribute("canCreate", Actor.require().has(Role.EDITOR));
        model.addAttribute("todos", todos.of(TodoSource.RECORDS));
        return "publishing/admin-inbox";
    }

    /** The form for one item; the item picker without {@code item} is the web module's (it asks the assessment). */
    @GetMapping(value = "/new", params = "item")
    String newRecord(@RequestParam String item, @RequestParam(required = false) String interpretationOf,
            Model model) {
        Actor actor = Actor.require();
        Organisation org = organisations.get(actor.orgCode());
        if (item.isBlank()) {
            return "redirect:/admin/records/new";
        }
        CatalogItem catalogItem = catalog.requireItem(item);
        // A targeted record's region decides who may read it: the clerk names it, it never defaults to the county.
        String region = catalogItem.audience() == Audience.TARGETED ? null : org.regionCode();
        RecordInput blank = new RecordInput(item, org.code(), region, "", "", "", LocalDate.now(PlatformConfiguration.CHINA), "",
                List.of(), null, null, catalogItem.subjectClass(), null, List.of(), interpretationOf,
                interpretationOf == null ? null : InterpretationKind.TEXT.name());
        return form(model, null, catalogItem, blank, null);
    }

    /**
     * The item's XLSX template: header with units, a row of rules, a sample row, drop-down lists and formats; the
     * form reads it back ({@code importRows}), as does the record page's import.
     */
    @GetMapping("/templates/{item}.xlsx")
    ResponseEntity<byte[]> template(@PathVariable String item) {
        CatalogItem catalogItem = catalog.requireItem(item);
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(catalogItem.name() + "-导入模板.xlsx", StandardCharsets.UTF_8).build().toString())
                .body(files.template(catalogItem));
    }

    @PostMapping
    String create(@RequestParam(defaultValue = "") String catalogItem, @ModelAttribute RecordForm form,
            BindingResult binding, @RequestParam(defaultValue = "") String entryAction,
            @RequestParam(required = false) MultipartFile rowsFile, Model model, RedirectAttributes redirect) {
        CatalogItem item = catalog.requireItem(catalogItem);
        if (!entryAction.isEmpty()) {
            return stayOnForm(model, null, item, form, entryAction, rowsFile);
        }
        RecordInput input = input(form, binding, item);
        try {
            String ref = drafting.create(input);
            redirect.addFlashAttribute("notice", "草稿已保存。检查无误后请提交审核。");
            return "redirect:" + path(ref);
        } catch (InvalidInputProblem e) {
            return form(model, null, item, input, e);
        }
    }

    @GetMapping("/{ref}/edit")
    String edit(@PathVariable String ref, Model model) {
        RecordView view = records.workingCopy(ref);
        CatalogItem item = catalog.requireItem(view.catalogItem());
        RecordInput values = new RecordInput(view.catalogItem(), view.org(), view.region(), view.title(),
                view.summary(), view.documentNumber(), view.writtenOn(), view.body(), view.keywords(),
                view.audience().code(), view.targetGroup(), view.subjectClass(), view.mode().name(), view.rows(),
                view.interpretationOf() == null ? null : view.interpretationOf().ref(),
                view.interpretationKind() == null ? null : view.interpretationKind().name(), view.period(),
                view.documentCategory().name(), view.validUntil());
        return form(model, ref, item, values, null);
    }

    @PostMapping("/{ref}/edit")
    String update(@PathVariable String ref, @ModelAttribute RecordForm form, BindingResult binding,
            @RequestParam(defaultValue = "") String entryAction, @RequestParam(required = false) MultipartFile rowsFile,
            Model model, RedirectAttributes redirect) {
        RecordView view = records.workingCopy(ref);
        CatalogItem item = catalog.requireItem(view.catalogItem());
        if (!entryAction.isEmpty()) {
            return stayOnForm(model, ref, item, form, entryAction, rowsFile);
        }
        RecordInput input = input(form, binding, item);
        try {
            drafting.update(ref, input);
        } catch (InvalidInputProblem e) {
            return form(model, ref, item, input, e);
        }
        redirect.addFlashAttribute("notice", "已保存。");
        return "redirect:" + path(ref);
    }

    /** The working copy's attachment, so a reviewer can open what the drafter uploaded before it is public. */
    @GetMapping("/{ref}/attachments/{sha256}")
    ResponseEntity<InputStreamResource> attachment(@PathVariable String ref, @PathVariable String sha256) {
        Attachment a = records.workingAttachment(ref, sha256);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(a.name(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(a.mediaType()))
                .contentLength(a.size())
                .body(new InputStreamResource(storage.open(a.sha256())));
    }

    @GetMapping("/{ref}")
    String record(@PathVariable String ref, Model model) {
        RecordView view = records.workingCopy(ref);
        model.addAttribute("record", view);
        model.addAttribute("expired", view.expiredOn(LocalDate.now(clock)));
        model.addAttribute("path", path(ref));
        // The same answers the services act on: a button is offered only for a step that would be accepted.
        RecordActions actions = publishing.allowedActions(ref);
        model.addAttribute("canEdit", actions.allowed(RecordAction.EDIT));
        model.addAttribute("canRevise", actions.allowed(RecordAction.REOPEN));
        model.addAttribute("canReview", actions.allowed(RecordAction.REVIEW));
        model.addAttribute("canApprove", actions.allowed(RecordAction.APPROVE));
        model.addAttribute("dutiesNote", actions.dutiesNote(RecordAction.REVIEW, RecordAction.APPROVE));
        model.addAttribute("canWithdraw", actions.allowed(RecordAction.WITHDRAW));
        model.addAttribute("policy", catalog.requireItem(view.catalogItem()).policyDocument());
        model.addAttribute("validities", Validity.values());
        if (actions.allowed(RecordAction.EDIT)) {
            model.addAttribute("problems", drafting.entryProblems(ref));
            model.addAttribute("findings", drafting.privacyFindings(ref).stream().filter(Finding::maskable).toList());
        }
        return "publishing/admin-record";
    }

    @PostMapping("/{ref}/submit")
    String submit(@PathVariable String ref, RedirectAttributes redirect) {
        return act(ref, redirect, () -> publishing.submit(ref), "已提交审核。");
    }

    @PostMapping("/{ref}/review")
    String review(@PathVariable String ref, @RequestParam Decision decision,
            @RequestParam(defaultValue = "") String comment, RedirectAttributes redirect) {
        return act(ref, redirect, () -> publishing.review(ref, decision, comment),
                decision == Decision.PASS ? "审核通过，已送审批。" : "已退回信息员。");
    }

    @PostMapping("/{ref}/approve")
    String approve(@PathVariable String ref, @RequestParam Decision decision,
            @RequestParam(defaultValue = "") String comment, @RequestParam(required = false) LocalDateTime publishAt,
            @RequestParam(defaultValue = "") String noInterpretationReason, RedirectAttributes redirect) {
        Instant at = publishAt == null ? null : publishAt.atZone(PlatformConfiguration.CHINA).toInstant();
        Approval[] made = {null};
        String result = act(ref, redirect, () -> made[0] = publishing.approve(ref, decision, comment, at,
                noInterpretationReason),
                decision == Decision.REJECT ? "已退回信息员。" : at != null ? "审批通过，将定时发布。" : "审批通过，已发布。");
        // Publication gives the index number: the page of the record is at its new address.
        return made[0] == null ? result : "redirect:" + path(made[0].ref());
    }

    @PostMapping("/{ref}/withdraw")
    String withdraw(@PathVariable String ref, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        return act(ref, redirect, () -> publishing.withdraw(ref, reason), "已撤回，公开页面保留撤回说明。");
    }

    @PostMapping("/{ref}/revise")
    String revise(@PathVariable String ref, RedirectAttributes redirect) {
        return act(ref, redirect, () -> publishing.revise(ref), "已开始修订；审批通过前，公众看到的仍是现行版本。");
    }

    @PostMapping("/{ref}/masking")
    String mask(@PathVariable String ref, @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        int[] n = {0};
        String result = act(ref, redirect, () -> n[0] = drafting.applySuggestedMasking(ref, reason), null);
        if (!redirect.getFlashAttributes().containsKey("problem")) {
            redirect.addFlashAttribute("notice", n[0] == 0 ? "没有可以一键遮蔽的内容；提交前检查列出的其余问题请手工处理。"
                    : "已遮蔽" + n[0] + "处，理由已记录。");
        }
        return result;
    }

    @PostMapping("/{ref}/validity")
    String validity(@PathVariable String ref, @RequestParam Validity validity,
            @RequestParam(required = false) LocalDate since, RedirectAttributes redirect) {
        return act(ref, redirect, () -> publishing.setValidity(ref, validity, since), "有效性已更新。");
    }

    @PostMapping("/{ref}/attachments")
    String attach(@PathVariable String ref, @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "") String altText, RedirectAttributes redirect) {
        return act(ref, redirect, () -> {
            try {
                drafting.addAttachment(ref, file.getOriginalFilename(), file.getInputStream(), altText);
            } catch (IOException e) {
                throw new InvalidInputProblem("file", "附件读取失败，请重新上传。");
            }
        }, "附件已添加。");
    }

    @PostMapping("/{ref}/attachments/{sha256}/remove")
    String detach(@PathVariable String ref, @PathVariable String sha256, RedirectAttributes redirect) {
        return act(ref, redirect, () -> drafting.removeAttachment(ref, sha256), "附件已删除。");
    }

    @PostMapping("/{ref}/data")
    String importRows(@PathVariable String ref, @RequestParam("file") MultipartFile file,
            RedirectAttributes redirect) {
        int[] n = {0};
        String result = act(ref, redirect, () -> {
            try {
                n[0] = drafting.importRows(ref, file.getOriginalFilename(), file.getInputStream());
            } catch (IOException e) {
                throw new InvalidInputProblem("file", "文件读取失败，请重新上传。");
            }
        }, null);
        if (n[0] > 0) {
            redirect.addFlashAttribute("notice", "已导入" + n[0] + "行数据。");
        }
        return result;
    }

    private String act(String ref, RedirectAttributes redirect, Runnable step, String done) {
        return BackOfficeStep.run(path(ref), redirect, step, done);
    }

    /**
     * A step of the form that saves nothing and shows the form again with what was typed: five more blank rows
     * (再加5行, the form without scripts), or the rows read from a sheet filled from the item's template, replacing
     * those typed; a sheet with any bad cell changes no row and names each one by row and column.
     */
    private String stayOnForm(Model model, String ref, CatalogItem item, RecordForm form, String action,
            MultipartFile rowsFile) {
        RecordInput typed = form.toInput(item);
        return switch (action) {
            case MORE_ROWS_ACTION -> form(model, ref, item, typed, null, MORE_ROWS, null);
            case IMPORT_ROWS_ACTION -> {
                if (rowsFile == null || rowsFile.isEmpty()) {
                    yield form(model, ref, item, typed, new InvalidInputProblem("rowsFile",
                            "请先选择要读入的表格文件（按本事项导入模板填写的 XLSX 或 CSV）。"), 0, null);
                }
                try (var content = rowsFile.getInputStream()) {
                    List<Map<String, String>> rows = files.rows(rowsFile.getOriginalFilename(), content, item);
                    yield form(model, ref, item, form.toInput(item, rows), null, 0, "已从“"
                            + AttachmentStorage.sanitiseName(rowsFile.getOriginalFilename()) + "”读入" + rows.size()
                            + "行数据，替换了原有的行。请核对后保存；保存前不会记录任何内容。");
                } catch (InvalidInputProblem e) {
                    yield form(model, ref, item, typed, e, 0, null);
                } catch (IOException e) {
                    yield form(model, ref, item, typed, new InvalidInputProblem("rowsFile", "文件读取失败，请重新上传。"),
                            0, null);
                }
            }
            default -> throw new InvalidInputProblem("entryAction", "未知的操作“" + action + "”。");
        };
    }

    private String form(Model model, String ref, CatalogItem item, RecordInput values, InvalidInputProblem problem) {
        return form(model, ref, item, values, problem, 0, null);
    }

    /** The form with the rows given (one blank row when none) and {@code blankRows} more. */
    private String form(Model model, String ref, CatalogItem item, RecordInput values, InvalidInputProblem problem,
            int blankRows, String notice) {
        Organisation org = organisations.get(values.org());
        List<Map<String, String>> rows = new ArrayList<>(values.data() == null ? List.of() : values.data());
        if (item.hasSchema()) {
            for (int i = rows.isEmpty() ? -1 : 0; i < blankRows; i++) {
                rows.add(Map.of());
            }
        }
        model.addAttribute("formNotice", notice);
        model.addAttribute("ref", ref);
        model.addAttribute("item", item);
        model.addAttribute("org", org);
        model.addAttribute("values", values);
        model.addAttribute("rows", rows);
        model.addAttribute("keywordsText", String.join("、", values.keywords() == null ? List.of() : values.keywords()));
        model.addAttribute("regions", regionsFor(org));
        model.addAttribute("subjectClasses", catalog.subjectClasses().paths());
        model.addAttribute("interpretationKinds", InterpretationKind.values());
        // 其他文件 first: most records are not normative documents, and a browser selects the first option of a select
        // with none marked, which must not make a new record a 规章.
        model.addAttribute("documentCategories", List.of(DocumentCategory.OTHER, DocumentCategory.NORMATIVE,
                DocumentCategory.REGULATION));
        model.addAttribute("problem", problem);
        model.addAttribute("periodHint", periodHint(item));
        model.addAttribute("periodErrors", problem == null ? List.of() : problem.errors().stream()
                .filter(e -> e.field().equals("period")).map(InvalidInputProblem.FieldError::message).toList());
        return "publishing/admin-form";
    }

    /** How to fill in 所属期间 for a scheduled item, e.g. 按月公开，次月第10个工作日前；填写 2026-10 这样的年月; else null. */
    private static String periodHint(CatalogItem item) {
        ReportingPeriod.Kind kind = ReportingPeriod.of(item.schedule());
        return kind == null ? null : item.schedule().describe() + "；填写 " + ReportingPeriod.example(kind);
    }

    /** The organisation's region and everything below it, for the region select. */
    private List<Region> regionsFor(Organisation org) {
        var codes = regions.selfAndDescendants(org.regionCode());
        return regions.all().stream().filter(r -> codes.contains(r.code())).toList();
    }

    /** The form as the API's input; a date that is not one is refused as before anything else. */
    private static RecordInput input(RecordForm form, BindingResult binding, CatalogItem item) {
        if (binding.hasFieldErrors("writtenOn")) {
            throw new InvalidInputProblem("writtenOn", "成文日期格式应为 2026-11-27。");
        }
        if (binding.hasFieldErrors("validUntil")) {
            throw new InvalidInputProblem("validUntil", "有效期至的格式应为 2026-11-27。");
        }
        return form.toInput(item);
    }

    static String path(String ref) {
        return "/admin/records/" + UriUtils.encodePathSegment(ref, StandardCharsets.UTF_8);
    }
}
