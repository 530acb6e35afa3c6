package gongkai.publishing.internal;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

import gongkai.catalog.Audience;
import gongkai.catalog.CatalogField;
import gongkai.catalog.CatalogItem;
import gongkai.catalog.FieldType;
import gongkai.catalog.ReportingPeriod;
import gongkai.privacy.Finding;
import gongkai.privacy.PersonalDataGuard;
import gongkai.privacy.PersonalDataKind;
import gongkai.publishing.DisclosureMode;
import gongkai.publishing.DocumentCategory;
import gongkai.publishing.ForbiddenWords;
import gongkai.publishing.RecordInput;
import gongkai.shared.HtmlText;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.InvalidInputProblem.FieldError;

/**
 * The one domain check of a record, for the rules that need other modules. On entry ({@link #entered}): the shape
 * rules of {@link RecordInput} and what only the catalogue, the organisations and the regions can tell. Before review
 * ({@link #problems}): the entry standard (信息录入规范): required metadata, the item's schema, the forbidden words,
 * and no personal data the audience may not see in any text the public sees. Every problem is listed with where it
 * is.
 */
@Component
public class EntryCheck {

    /** Personal data never allowed in free text, whatever the audience. */
    private static final Set<PersonalDataKind> NEVER = Set.of(PersonalDataKind.ID_NUMBER, PersonalDataKind.BANK_CARD);

    private final ForbiddenWords forbiddenWords;
    private final PersonalDataGuard guard;
    private final RowsJson rowsJson;
    private final Validator validator;
    private final EntryReferences references;
    private final BodySanitizer sanitizer;
    private final Clock clock;

    EntryCheck(ForbiddenWords forbiddenWords, PersonalDataGuard guard, RowsJson rowsJson, Validator validator,
            EntryReferences references, BodySanitizer sanitizer, Clock clock) {
        this.forbiddenWords = forbiddenWords;
        this.guard = guard;
        this.rowsJson = rowsJson;
        this.validator = validator;
        this.references = references;
        this.sanitizer = sanitizer;
        this.clock = clock;
    }

    /**
     * The input as the working copy it makes, or every problem with it: its shape (the annotations of
     * {@link RecordInput}, the same the API checks at its edge) and then what the catalogue, organisations and
     * regions say of it, the period the record covers against the item's schedule, and a term of validity that
     * ends before the document was written. Optional metadata missing from the input is taken from the catalogue
     * item; a document of no particular category is stored without one.
     */
    public RecordEntity.WorkingCopy entered(RecordInput in, CatalogItem item) {
        List<FieldError> errors = new ArrayList<>(shapeProblems(in));
        EntryReferences.Resolved resolved = references.resolve(in, item, errors);
        List<Map<String, String>> rows = normaliseRows(in.data(), item, errors);
        String period = errors.stream().anyMatch(e -> e.field().equals("period")) ? null
                : period(in.period(), item, LocalDate.now(clock), errors);
        if (in.validUntil() != null && in.writtenOn() != null && in.validUntil().isBefore(in.writtenOn())) {
            errors.add(new FieldError("validUntil", "有效期至（" + in.validUntil() + "）不能早于成文日期（"
                    + in.writtenOn() + "）。"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        List<String> keywords = in.keywords() == null ? List.of()
                : in.keywords().stream().map(String::strip).filter(k -> !k.isEmpty()).distinct().toList();
        return new RecordEntity.WorkingCopy(resolved.region(), resolved.audience(), blankToNull(in.targetGroup()),
                in.disclosureMode() == null || in.disclosureMode().isBlank() ? DisclosureMode.PROACTIVE
                        : DisclosureMode.valueOf(in.disclosureMode().strip().toUpperCase(Locale.ROOT)),
                resolved.interpretationOf(), resolved.interpretationKind(), in.title().strip(), nz(in.summary()).strip(),
                sanitizer.sanitize(in.body()), blankToNull(in.documentNumber()), in.writtenOn(),
                String.join("、", keywords), resolved.subjectClass(), rowsJson.write(rows), period,
                resolved.documentCategory() == DocumentCategory.OTHER ? null : resolved.documentCategory(),
                in.validUntil());
    }

    /**
     * The period as stored (canonical: {@code 2026-Q3} for {@code 2026-q3}), or null; problems are added to errors. A
     * scheduled item's record must state a period of the schedule's kind that has begun by today; an event item's
     * record states none. The rules of the forms and kinds are {@link ReportingPeriod}'s.
     */
    private static String period(String text, CatalogItem item, LocalDate today, List<FieldError> errors) {
        ReportingPeriod.Kind kind = ReportingPeriod.of(item.schedule());
        if (text == null || text.isBlank()) {
            if (kind != null) {
                errors.add(new FieldError("period", "该事项" + item.schedule().describe() + "，请填写所属期间，例如"
                        + ReportingPeriod.example(kind)));
            }
            return null;
        }
        try {
            ReportingPeriod period = ReportingPeriod.parse(text).requireFits(item.schedule());
            if (period.firstDay().isAfter(today)) {
                errors.add(new FieldError("period", "期间" + period + "尚未开始"));
                return null;
            }
            return period.toString();
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("period", e.getMessage()));
            return null;
        }
    }

    /** The shape rules of the input, in the order of its fields. */
    private List<FieldError> shapeProblems(RecordInput in) {
        List<String> order = Arrays.stream(RecordInput.class.getRecordComponents()).map(RecordComponent::getName)
                .toList();
        return validator.validate(in).stream()
                .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparingInt((FieldError e) -> order.indexOf(e.field()))
                        .thenComparing(FieldError::message))
                .toList();
    }

    /** The rows as entered, each field trimmed and in the item's order; type problems are added to errors. */
    private static List<Map<String, String>> normaliseRows(List<Map<String, String>> data, CatalogItem item,
            List<FieldError> errors) {
        List<Map<String, String>> rows = new ArrayList<>();
        if (data == null) {
            return rows;
        }
        if (!item.hasSchema() && !data.isEmpty()) {
            errors.add(new FieldError("data", "事项“" + item.name() + "”没有结构化数据字段。"));
            return rows;
        }
        for (Map<String, String> in : data) {
            Map<String, String> row = new LinkedHashMap<>();
            for (CatalogField f : item.fields()) {
                String v = in == null ? null : in.get(f.name());
                if (v != null && !v.isBlank()) {
                    row.put(f.name(), v.strip());
                }
            }
            if (in != null) {
                in.keySet().stream().filter(k -> !row.containsKey(k)
                        && item.fields().stream().noneMatch(f -> f.name().equals(k))).forEach(k -> row.put(k, in.get(k)));
            }
            rows.add(row);
        }
        errors.addAll(rowProblems(item, rows).stream().filter(p -> !p.message().endsWith("为必填项。")).toList());
        return rows;
    }

    /**
     * A piece of text of a record that the public can see.
     *
     * @param field    the input field it belongs to, as problems name it (title, keywords, attachments…)
     * @param where    the Chinese name of where it is (标题, 关键词, 附件“名单.pdf”的文件名)
     * @param maskable whether the one-click masking (应用遮蔽建议) edits it; what it does not edit — metadata such
     *                 as 文号 and 关键词, and anything of an attachment — must be corrected by hand
     */
    public record Text(String field, String where, String text, boolean maskable) {

        /** Free text of the working copy that the one-click masking edits. */
        public static Text editable(String where, String text) {
            return new Text(fieldOf(where), where, text, true);
        }
    }

    public List<FieldError> problems(RecordEntity.WorkingCopy c, CatalogItem item,
            List<RecordAttachmentEntity> attachments, LocalDate today) {
        List<FieldError> problems = new ArrayList<>();
        if (c.title() == null || c.title().isBlank()) {
            problems.add(new FieldError("title", "名称不能为空。"));
        }
        if (c.writtenOn() != null && c.writtenOn().isAfter(today)) {
            problems.add(new FieldError("writtenOn", "成文日期不能晚于今天。"));
        }
        List<Map<String, String>> rows = rowsJson.read(c.dataJson());
        boolean hasBody = !HtmlText.plain(c.body()).isEmpty();
        if (item.hasSchema() && rows.isEmpty()) {
            problems.add(new FieldError("data", "事项“" + item.name() + "”须填报结构化数据，至少一行。"));
        }
        if (!hasBody && rows.isEmpty() && attachments.isEmpty()) {
            problems.add(new FieldError("body", "正文、数据和附件至少要有一项。"));
        }
        problems.addAll(rowProblems(item, rows));
        List<Text> texts = publicTexts(c, item, rows, attachments);
        for (Text t : texts) {
            // Words are looked for in the text a reader sees: the sanitiser writes some characters as references.
            for (String word : forbiddenWords.foundIn(HtmlText.plain(t.text()))) {
                problems.add(new FieldError(t.field(), t.where() + "含有禁用词“" + word + "”。"));
            }
        }
        for (Text t : texts) {
            for (Finding f : findings(List.of(t), c.audience())) {
                problems.add(new FieldError(t.field(), f.where() + "第" + (f.start() + 1) + "个字符起含有"
                        + f.kind().label() + "（" + f.shown() + "），" + (c.audience() == Audience.PUBLIC
                                ? "面向社会公开的信息不得含有未遮蔽的个人信息" : "此类个人信息一律不得公开")
                        + "。" + remedy(t, f)));
            }
        }
        return problems;
    }

    /** What the editor does about a finding: one click where it can be masked, otherwise by hand, and where. */
    private static String remedy(Text t, Finding f) {
        if (f.maskable()) {
            return "可使用“应用遮蔽建议”一键处理，建议改为：" + f.suggestion();
        }
        if (t.field().equals("attachments")) {
            return "附件的文件名、说明和内容无法自动遮蔽，请删除该附件，处理后重新上传。";
        }
        return t.maskable() ? "号码夹在排版标记中，无法自动遮蔽，请在" + t.where() + "中手工删除。"
                : "该栏无法自动遮蔽，请在编辑页面的“" + t.where() + "”中手工删除或改写。";
    }

    /**
     * The personal data in the given texts that the audience may not see. A finding in a text the one-click
     * masking does not edit is marked to be removed by hand.
     */
    public List<Finding> findings(List<Text> texts, Audience audience) {
        List<Finding> found = new ArrayList<>();
        for (Text t : texts) {
            for (Finding f : guard.scan(t.text(), t.where())) {
                if (audience == Audience.PUBLIC || NEVER.contains(f.kind())) {
                    found.add(t.maskable() ? f : f.byHandOnly());
                }
            }
        }
        return found;
    }

    /**
     * Free text of the working copy that the one-click masking edits: title, summary, body and the row values that
     * are neither masked personal fields nor fields whose type says they hold a phone number.
     */
    public List<Text> texts(RecordEntity.WorkingCopy c, CatalogItem item, List<Map<String, String>> rows) {
        List<Text> texts = new ArrayList<>();
        texts.add(Text.editable("标题", nz(c.title())));
        texts.add(Text.editable("内容概述", nz(c.summary())));
        texts.add(Text.editable("正文", nz(c.body())));
        for (int r = 0; r < rows.size(); r++) {
            for (CatalogField f : item.fields()) {
                String v = rows.get(r).get(f.name());
                if (v != null && !v.isBlank() && !f.personal() && f.type() != FieldType.PHONE) {
                    texts.add(Text.editable(rowWhere(r, f.name()), v));
                }
            }
        }
        return texts;
    }

    /**
     * Every text of the working copy that the public will see — on the page, in the API, in search and in feeds:
     * the {@link #texts free text}, the metadata (关键词 as shown, joined by 、; 文号; 特定群体) and, for each
     * attachment, its file name, its description (alt text) and the text extracted from it.
     */
    public List<Text> publicTexts(RecordEntity.WorkingCopy c, CatalogItem item, List<Map<String, String>> rows,
            List<RecordAttachmentEntity> attachments) {
        List<Text> texts = texts(c, item, rows);
        texts.add(new Text("keywords", "关键词", nz(c.keywords()), false));
        texts.add(new Text("documentNumber", "文号", nz(c.documentNumber()), false));
        texts.add(new Text("targetGroup", "特定群体", nz(c.targetGroup()), false));
        for (int i = 0; i < attachments.size(); i++) {
            RecordAttachmentEntity a = attachments.get(i);
            String name = nz(a.getOriginalName());
            // A name that holds personal data must not be repeated in the messages about it.
            String label = guard.scan(name, "").isEmpty() ? "附件“" + name + "”" : "第" + (i + 1) + "个附件";
            texts.add(new Text("attachments", label + "的文件名", name, false));
            texts.add(new Text("attachments", label + "的说明", nz(a.getAltText()), false));
            if (a.getExtractedText() != null) {
                texts.add(new Text("attachments", label, a.getExtractedText(), false));
            }
        }
        return texts;
    }

    static String rowWhere(int rowIndex, String field) {
        return "数据第" + (rowIndex + 1) + "行“" + field + "”";
    }

    private static List<FieldError> rowProblems(CatalogItem item, List<Map<String, String>> rows) {
        List<FieldError> problems = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            Map<String, String> row = rows.get(r);
            for (CatalogField f : item.fields()) {
                String v = row.get(f.name());
                if (v == null || v.isBlank()) {
                    if (f.required()) {
                        problems.add(new FieldError("data", rowWhere(r, f.name()) + "为必填项。"));
                    }
                    continue;
                }
                String where = rowWhere(r, f.name());
                f.type().check(v, f.choices()).ifPresent(
                        msg -> problems.add(new FieldError("data", where + msg + "。")));
            }
            for (String key : row.keySet()) {
                if (item.fields().stream().noneMatch(f -> f.name().equals(key))) {
                    problems.add(new FieldError("data", "数据第" + (r + 1) + "行有目录中没有的字段“" + key + "”。"));
                }
            }
        }
        return problems;
    }

    private static String fieldOf(String where) {
        return switch (where) {
            case "标题" -> "title";
            case "内容概述" -> "summary";
            case "正文" -> "body";
            default -> "data";
        };
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
