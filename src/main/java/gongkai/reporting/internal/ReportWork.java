package gongkai.reporting.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import gongkai.notify.PrintableDocument;
import gongkai.org.Organisation;
import gongkai.publishing.RecordStatus;
import gongkai.publishing.Records;
import gongkai.reporting.AnnualReportContent;
import gongkai.reporting.AnnualReportView;
import gongkai.reporting.EnteredFigure;
import gongkai.reporting.ReportEntry;
import gongkai.reporting.ReportSection;
import gongkai.reporting.ReportStatus;
import gongkai.shared.ConflictProblem;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.InvalidInputProblem.FieldError;
import gongkai.shared.PlatformConfiguration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report's storage and arithmetic behind {@link gongkai.reporting.AnnualReports}: what is stored, what is computed,
 * what is frozen. Callers have checked who may do what.
 */
@Component
public class ReportWork {

    private final AnnualReportRepository reports;
    private final ReportAssembler assembler;
    private final EntryRules rules;
    private final Records records;
    private final JsonMapper json;
    private final Clock clock;

    ReportWork(AnnualReportRepository reports, ReportAssembler assembler, EntryRules rules, Records records,
            JsonMapper json, Clock clock) {
        this.reports = reports;
        this.assembler = assembler;
        this.rules = rules;
        this.records = records;
        this.json = json;
        this.clock = clock;
    }

    /** A stored report's year and publication. */
    public record Summary(int year, ReportStatus status, Instant publishedAt) {
    }

    /**
     * What submission hands to the review: the content, its JSON, the record's body and summary, and the record
     * already made for it at an earlier submission, if any.
     */
    public record Frozen(AnnualReportContent content, String json, String bodyHtml, String summary, String recordRef,
            boolean demo) {
    }

    public List<Summary> summaries(String orgCode) {
        return reports.findByOrgCodeOrderByReportYearDesc(orgCode).stream()
                .map(r -> new Summary(r.getReportYear(), r.getStatus(), r.getPublishedAt())).toList();
    }

    public String title(Organisation org, boolean level, int year) {
        return assembler.title(org, level, year);
    }

    public AnnualReportView view(Organisation org, boolean level, int year, LocalDate due, boolean staff) {
        AnnualReportEntity r = reports.findByOrgCodeAndReportYear(org.code(), year).orElse(null);
        if (r != null && staff) {
            follow(r);
        }
        LocalDate today = LocalDate.now(clock);
        if (r != null && r.getStatus() == ReportStatus.PUBLISHED) {
            AnnualReportContent c = read(r.getPublishedContent());
            LocalDate on = r.getPublishedAt().atZone(PlatformConfiguration.CHINA).toLocalDate();
            return new AnnualReportView(c, r.getStatus(), r.getIndexNo(), r.getPublishedAt(), due, on.isAfter(due),
                    false, List.of(), staff ? entered(r) : Map.of(), staff ? sources(r) : Map.of(),
                    staff ? rules.appeals(r.getAppealsEntered()) : Map.of(), r.getRecordRef());
        }
        AnnualReportEntity basis = r != null ? r : new AnnualReportEntity(org.code(), year, level, "", Instant.now(clock));
        AnnualReportContent c = assembler.assemble(basis);
        if (!staff) {
            c = withoutDraft(c);
        }
        return new AnnualReportView(c, r == null ? ReportStatus.DRAFT : r.getStatus(), null, null, due,
                today.isAfter(due), true, staff ? missing(basis) : List.of(), staff ? entered(basis) : Map.of(),
                staff ? sources(basis) : Map.of(), staff ? rules.appeals(basis.getAppealsEntered()) : Map.of(),
                r == null ? null : r.getRecordRef());
    }

    public void enter(Organisation org, boolean level, int year, ReportEntry entry, String by) {
        ParsedEntry parsed = rules.parse(entry, level);
        AnnualReportEntity r = reports.findByOrgCodeAndReportYear(org.code(), year)
                .orElseGet(() -> new AnnualReportEntity(org.code(), year, level, by, Instant.now(clock)));
        follow(r);
        r.enter(parsed, by, Instant.now(clock));
        reports.save(r);
    }

    /**
     * The content to submit, refused when something is missing or a consistency rule is broken (the rule named).
     */
    public Frozen freeze(Organisation org, boolean level, int year) {
        AnnualReportEntity r = reports.findByOrgCodeAndReportYear(org.code(), year)
                .orElseThrow(() -> new InvalidInputProblem("report", year + "年年报还没有填写，请先填写总体情况等内容并保存。"));
        follow(r);
        if (r.getStatus() != ReportStatus.DRAFT) {
            throw new ConflictProblem(year + "年年报" + r.getStatus().label() + "，不能再次提交。");
        }
        List<String> missing = missing(r);
        if (!missing.isEmpty()) {
            List<FieldError> errors = new ArrayList<>();
            missing.forEach(m -> errors.add(new FieldError("report", m)));
            throw new InvalidInputProblem(errors);
        }
        AnnualReportContent c = assembler.assemble(r);
        List<String> broken = ReportConsistency.violations(c);
        if (!broken.isEmpty()) {
            List<FieldError> errors = new ArrayList<>();
            broken.forEach(m -> errors.add(new FieldError("consistency", m)));
            throw new InvalidInputProblem(errors);
        }
        String summary = c.title() + "：主动公开、依申请公开、行政复议和行政诉讼等情况，以及存在的主要问题和改进情况。";
        return new Frozen(c, json.writeValueAsString(c), ReportLayout.html(c), summary, r.getRecordRef(), r.isDemo());
    }

    public void submitted(String orgCode, int year, String ref, String contentJson, String by) {
        AnnualReportEntity r = reports.findByOrgCodeAndReportYear(orgCode, year).orElseThrow();
        r.submitted(ref, contentJson, by, Instant.now(clock));
    }

    /** The record of a report was published: the report is, as submitted. */
    void published(String orgCode, String indexNo, Instant at) {
        for (AnnualReportEntity r : reports.findByOrgCodeAndStatus(orgCode, ReportStatus.IN_REVIEW)) {
            records.reviewState(r.getRecordRef()).filter(s -> indexNo.equals(s.indexNo()))
                    .ifPresent(s -> r.published(indexNo, at));
        }
    }

    /** Where a report stands, in words, for a reminder: not begun, what is missing, or in review. */
    public String progress(String orgCode, int year) {
        AnnualReportEntity r = reports.findByOrgCodeAndReportYear(orgCode, year).orElse(null);
        if (r == null) {
            return "年报尚未开始填写。";
        }
        if (r.getStatus() == ReportStatus.IN_REVIEW) {
            return "年报已提交，正在审核、审批。";
        }
        List<String> missing = missing(r);
        return missing.isEmpty() ? "内容已填写齐全，请提交审核。" : "尚需：" + String.join("", missing);
    }

    /** Marks a report demo data (the demo profile's reports). */
    void markDemo(String orgCode, int year) {
        reports.findByOrgCodeAndReportYear(orgCode, year).ifPresent(r -> {
            r.markDemo();
            reports.save(r);
        });
    }

    public PrintableDocument printable(AnnualReportView v) {
        AnnualReportEntity r = reports.findByOrgCodeAndReportYear(v.content().org(), v.content().year()).orElseThrow();
        return ReportLayout.document(v.content(), v.indexNo(),
                v.publishedAt().atZone(PlatformConfiguration.CHINA).toLocalDate(), r.isDemo());
    }

    public String html(AnnualReportContent c) {
        return ReportLayout.html(c);
    }

    public boolean demo(String orgCode, int year) {
        return reports.findByOrgCodeAndReportYear(orgCode, year).map(AnnualReportEntity::isDemo).orElse(false);
    }

    /** Keeps up with the record in review: sent back → draft again; published → published (if the event was missed). */
    private void follow(AnnualReportEntity r) {
        if (r.getStatus() != ReportStatus.IN_REVIEW || r.getRecordRef() == null) {
            return;
        }
        records.reviewState(r.getRecordRef()).ifPresent(s -> {
            if (s.status().editable()) {
                r.returned("system", Instant.now(clock));
            } else if (s.status() == RecordStatus.PUBLISHED && s.indexNo() != null) {
                r.published(s.indexNo(), s.firstPublishedAt());
            }
        });
    }

    /** What must be written or entered before review: sections 一 and 五, every figure of table 二 with its source. */
    private static List<String> missing(AnnualReportEntity r) {
        List<String> out = new ArrayList<>();
        for (ReportSection s : ReportSection.values()) {
            if (s.required() && r.text(s).isBlank()) {
                out.add("请填写“" + s.heading() + "”。");
            }
        }
        for (EnteredFigure f : EnteredFigure.values()) {
            if (r.figure(f) == null) {
                out.add("请填写表二“" + f.label() + "”的" + f.column() + "（没有的填0）。");
            } else if (r.source(f).isBlank()) {
                out.add("请注明表二“" + f.label() + "”数据的来源。");
            }
        }
        return out;
    }

    private static Map<String, String> entered(AnnualReportEntity r) {
        Map<String, String> out = new LinkedHashMap<>();
        for (EnteredFigure f : EnteredFigure.values()) {
            BigDecimal v = r.figure(f);
            out.put(f.name(), v == null ? "" : f.amount() ? v.stripTrailingZeros().toPlainString() : v.toPlainString());
        }
        return out;
    }

    private static Map<String, String> sources(AnnualReportEntity r) {
        Map<String, String> out = new LinkedHashMap<>();
        for (EnteredFigure f : EnteredFigure.values()) {
            out.put(f.name(), r.source(f));
        }
        return out;
    }

    /** The public's view of an unpublished report: the computed tables, no draft text, no entered figure. */
    private static AnnualReportContent withoutDraft(AnnualReportContent c) {
        Map<String, String> none = new LinkedHashMap<>();
        c.sections().keySet().forEach(k -> none.put(k, ""));
        List<gongkai.reporting.ReportTable.Row> rows = new ArrayList<>();
        for (gongkai.reporting.ReportTable.Row row : c.proactive().rows()) {
            boolean entered = row.values().containsKey("DECISIONS") || row.values().containsKey("AMOUNT");
            if (entered) {
                Map<String, Object> blank = new LinkedHashMap<>();
                row.values().keySet().forEach(k -> blank.put(k, null));
                rows.add(new gongkai.reporting.ReportTable.Row(row.code(), row.label(), row.heading(), blank, null));
            } else {
                rows.add(row);
            }
        }
        return new AnnualReportContent(c.org(), c.orgName(), c.title(), c.year(), c.levelReport(), c.covers(), none,
                new gongkai.reporting.ReportTable(c.proactive().title(), c.proactive().columns(), rows), c.requests(),
                c.appeals(), c.fees(), c.assessment(), c.asOf());
    }

    private AnnualReportContent read(String text) {
        return json.readValue(text, AnnualReportContent.class);
    }
}
