package gongkai.reporting.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import gongkai.assessment.AssessmentGroup;
import gongkai.assessment.AssessmentResult;
import gongkai.assessment.Assessments;
import gongkai.assessment.BodyScore;
import gongkai.org.Organisation;
import gongkai.org.OrganisationKind;
import gongkai.org.Organisations;
import gongkai.publishing.DocumentCategory;
import gongkai.publishing.NormativeDocuments;
import gongkai.publishing.NormativeFigures;
import gongkai.region.Regions;
import gongkai.reporting.AnnualReportContent;
import gongkai.reporting.EnteredFigure;
import gongkai.reporting.ReportSection;
import gongkai.reporting.ReportTable;
import gongkai.requests.AnnualRequestTable;
import gongkai.requests.AppealFigures;
import gongkai.requests.AppealKind;
import gongkai.requests.AppealResult;
import gongkai.requests.Appeals;
import gongkai.requests.FeeFigures;
import gongkai.requests.RequestStatistics;

/**
 * Puts a report's content together from what staff entered and what the platform holds: table 二's 规章 and 行政规范性
 * 文件 from the records, table 三 from the requests, table 四 from the cases registered against requests plus those
 * entered, the fees from the requests, and for a government's level report the assessment.
 *
 * <p>A level report covers the government's office and the departments of its region (the bodies that answer to that
 * government on this platform): the template's tables count the whole level, so each computed figure is their sum.
 * The figures staff enter are the level's own, entered once by the office.
 */
@Component
class ReportAssembler {

    static final String PROACTIVE_TITLE = "二、主动公开政府信息情况";
    static final String REQUESTS_TITLE = "三、收到和处理政府信息公开申请情况";
    static final String APPEALS_TITLE = "四、政府信息公开行政复议、行政诉讼情况";
    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final Organisations organisations;
    private final Regions regions;
    private final NormativeDocuments normative;
    private final RequestStatistics requests;
    private final Appeals appeals;
    private final Assessments assessments;
    private final EntryRules rules;
    private final Clock clock;

    ReportAssembler(Organisations organisations, Regions regions, NormativeDocuments normative,
            RequestStatistics requests, Appeals appeals, Assessments assessments, EntryRules rules, Clock clock) {
        this.organisations = organisations;
        this.regions = regions;
        this.normative = normative;
        this.requests = requests;
        this.appeals = appeals;
        this.assessments = assessments;
        this.rules = rules;
        this.clock = clock;
    }

    /** The bodies a report counts: the body itself, or for a level report the government's office and departments. */
    List<Organisation> covered(Organisation org, boolean level) {
        List<Organisation> out = new ArrayList<>();
        out.add(org);
        if (level) {
            organisations.all().stream()
                    .filter(o -> o.kind() == OrganisationKind.DEPARTMENT && o.regionCode().equals(org.regionCode())
                            && !o.code().equals(org.code()))
                    .forEach(out::add);
        }
        return out;
    }

    /** The title the format gives: 宜春市民政局2025年政府信息公开工作年度报告, or the government's for a level report. */
    String title(Organisation org, boolean level, int year) {
        return reportingName(org, level) + year + "年政府信息公开工作年度报告";
    }

    /** Who reports: the body, or for a city office's level report its government (宜春市人民政府). */
    String reportingName(Organisation org, boolean level) {
        if (level && org.kind() == OrganisationKind.GOVERNMENT_OFFICE) {
            return regions.find(org.regionCode()).map(r -> r.name() + "人民政府").orElse(org.name());
        }
        return org.name();
    }

    AnnualReportContent assemble(AnnualReportEntity report) {
        Organisation org = organisations.get(report.getOrgCode());
        boolean level = report.isLevelReport();
        int year = report.getReportYear();
        List<Organisation> covered = covered(org, level);
        List<String> codes = covered.stream().map(Organisation::code).toList();
        Map<String, String> sections = new LinkedHashMap<>();
        for (ReportSection s : ReportSection.values()) {
            if (s != ReportSection.ACCOUNTABILITY || level) {
                sections.put(s.name(), report.text(s));
            }
        }
        AnnualRequestTable table = requests.table(org.code(), reportingName(org, level), codes, year);
        FeeFigures fees = requests.fees(codes, year);
        return new AnnualReportContent(org.code(), reportingName(org, level), title(org, level, year), year, level,
                covered.stream().map(Organisation::name).toList(), sections, proactive(report, codes, year),
                requestsTable(table), appealsTable(report, codes, year),
                new AnnualReportContent.Fees(fees.requestsCharged(), fees.collectedYuan()),
                level ? assessment(org, year) : null, LocalDate.now(clock));
    }

    private ReportTable proactive(AnnualReportEntity report, List<String> codes, int year) {
        Map<DocumentCategory, NormativeFigures> docs = normative.figures(codes, year);
        List<ReportTable.Row> rows = new ArrayList<>();
        for (DocumentCategory c : List.of(DocumentCategory.REGULATION, DocumentCategory.NORMATIVE)) {
            NormativeFigures f = docs.get(c);
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("ISSUED", f.issued());
            v.put("REPEALED", f.repealed());
            v.put("IN_FORCE", f.inForce());
            rows.add(new ReportTable.Row(c.name(), c.label(), "第二十条第（一）项", v, "据本平台发布的信息统计"));
        }
        for (EnteredFigure f : EnteredFigure.values()) {
            BigDecimal value = report.figure(f);
            Map<String, Object> v = new LinkedHashMap<>();
            if (f.amount()) {
                v.put("AMOUNT", value == null ? null : value.setScale(4).toPlainString());
            } else {
                v.put("DECISIONS", value == null ? null : value.intValueExact());
            }
            String source = report.source(f);
            rows.add(new ReportTable.Row(f.name(), f.label(), f.clause(), v,
                    source.isBlank() ? null : "数据来源：" + source));
        }
        return new ReportTable(PROACTIVE_TITLE, List.of(new ReportTable.Column("ISSUED", "本年制发件数"),
                new ReportTable.Column("REPEALED", "本年废止件数"), new ReportTable.Column("IN_FORCE", "现行有效件数"),
                new ReportTable.Column("DECISIONS", "本年处理决定数量"),
                new ReportTable.Column("AMOUNT", "本年收费金额（单位：万元）")), rows);
    }

    static ReportTable requestsTable(AnnualRequestTable t) {
        List<ReportTable.Column> columns = Arrays.stream(AnnualRequestTable.Column.values())
                .map(c -> new ReportTable.Column(c.name(), c.label())).toList();
        List<ReportTable.Row> rows = new ArrayList<>();
        for (AnnualRequestTable.Row r : t.rows()) {
            Map<String, Object> v = new LinkedHashMap<>();
            for (AnnualRequestTable.Column c : AnnualRequestTable.Column.values()) {
                v.put(c.name(), r.value(c));
            }
            rows.add(new ReportTable.Row(r.code(), r.label(), r.heading().isEmpty() ? null : r.heading(), v, null));
        }
        return new ReportTable(REQUESTS_TITLE, columns, rows);
    }

    private ReportTable appealsTable(AnnualReportEntity report, List<String> codes, int year) {
        AppealFigures registered = appeals.figures(codes, year);
        Map<String, Map<String, Integer>> entered = rules.appeals(report.getAppealsEntered());
        List<ReportTable.Column> columns = new ArrayList<>();
        for (int i = 0; i < AppealGroup.RESULTS.length; i++) {
            columns.add(new ReportTable.Column(AppealGroup.RESULTS[i], AppealGroup.RESULT_LABELS[i]));
        }
        List<ReportTable.Row> rows = new ArrayList<>();
        for (AppealGroup g : AppealGroup.values()) {
            AppealKind kind = AppealKind.valueOf(g.name());
            Map<String, Integer> extra = entered.getOrDefault(g.name(), Map.of());
            Map<String, Object> v = new LinkedHashMap<>();
            int total = 0;
            int onPlatform = registered.total(kind);
            for (AppealResult r : List.of(AppealResult.UPHELD, AppealResult.CORRECTED, AppealResult.OTHER,
                    AppealResult.PENDING)) {
                int n = registered.count(kind, r) + extra.getOrDefault(r.name(), 0);
                v.put(r.name(), n);
                total += n;
            }
            v.put("TOTAL", total);
            String note = total == 0 ? null
                    : "其中在本平台登记" + onPlatform + "件" + (total > onPlatform ? "，另行填报" + (total - onPlatform) + "件" : "");
            rows.add(new ReportTable.Row(g.name(), g.label(), null, v, note));
        }
        return new ReportTable(APPEALS_TITLE, columns, rows);
    }

    private AnnualReportContent.Assessment assessment(Organisation org, int year) {
        Optional<AssessmentResult> result = assessments.published(year, AssessmentGroup.GOVERNMENT);
        if (result.isEmpty()) {
            return new AnnualReportContent.Assessment(false, year + "年度政府信息公开工作考核结果尚未公布，公布后在本平台“考核结果”栏目查阅。",
                    List.of(), "/assessment");
        }
        AssessmentResult r = result.get();
        String on = r.publishedAt() == null ? ""
                : "已于" + CHINESE_DATE.format(r.publishedAt().atZone(gongkai.shared.PlatformConfiguration.CHINA)) ;
        List<String> lines = new ArrayList<>();
        if (org.kind() == OrganisationKind.GOVERNMENT_OFFICE) {
            for (BodyScore b : r.orgs()) {
                lines.add("第" + b.rank() + "名　" + b.name() + "　" + b.score().toPlainString() + "分");
            }
            return new AnnualReportContent.Assessment(true, year + "年度" + r.title() + "结果" + on + "公布，共考核"
                    + r.orgs().size() + "个单位，结果如下。", lines, "/assessment/" + year);
        }
        Optional<BodyScore> own = r.orgs().stream().filter(b -> b.org().equals(org.code())).findFirst();
        own.ifPresent(b -> lines.add(b.name() + "得分" + b.score().toPlainString() + "分，在" + r.orgs().size()
                + "个单位中排名第" + b.rank() + "。"));
        return new AnnualReportContent.Assessment(true, year + "年度" + r.title() + "结果" + on + "公布。"
                + (own.isEmpty() ? "本单位不在考核范围内。" : ""), lines, "/assessment/" + year);
    }
}
