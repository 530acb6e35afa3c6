package gongkai.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gongkai.account.AuditTrail;
import gongkai.assessment.DueDates;
import gongkai.assessment.Obligations;
import gongkai.catalog.Catalog;
import gongkai.catalog.CatalogItem;
import gongkai.catalog.ReportingPeriod;
import gongkai.notify.NoticePrinter;
import gongkai.org.Organisation;
import gongkai.org.Organisations;
import gongkai.publishing.Drafting;
import gongkai.publishing.Publishing;
import gongkai.publishing.RecordInput;
import gongkai.publishing.RecordStatus;
import gongkai.publishing.Records;
import gongkai.reporting.internal.ReportWork;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.ConflictProblem;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.NotFoundProblem;
import gongkai.shared.PlatformConfiguration;
import gongkai.shared.Role;

/**
 * The statutory annual report of each body (条例 第四十九、五十条): who owes which report, its content, what staff enter
 * (one rule for the page and the API), submission into the three-step review as a record of its catalogue item, and
 * the published report. A body's own report is due by 31 January; a county-level or higher government's report of its
 * level by 31 March — both as the catalogue's items say ({@code gd-annual-report}, {@code gd-level-report}).
 */
@Service
public class AnnualReports {

    public static final String BODY_ITEM = "gd-annual-report";
    public static final String LEVEL_ITEM = "gd-level-report";
    /** The first year a report can be for: the 条例 as revised in 2019 and the 2021 format. */
    public static final int FIRST_YEAR = 2019;

    private final ReportWork work;
    private final Organisations organisations;
    private final Catalog catalog;
    private final DueDates dueDates;
    private final Obligations obligations;
    private final Drafting drafting;
    private final Publishing publishing;
    private final Records records;
    private final AuditTrail audit;
    private final NoticePrinter printer;
    private final Clock clock;

    AnnualReports(ReportWork work, Organisations organisations, Catalog catalog, DueDates dueDates,
            Obligations obligations, Drafting drafting, Publishing publishing, Records records, AuditTrail audit,
            NoticePrinter printer, Clock clock) {
        this.work = work;
        this.organisations = organisations;
        this.catalog = catalog;
        this.dueDates = dueDates;
        this.obligations = obligations;
        this.drafting = drafting;
        this.publishing = publishing;
        this.records = records;
        this.audit = audit;
        this.printer = printer;
        this.clock = clock;
    }

    /** The catalogue item of the report a body owes — its level's or its own — if it owes one. */
    public Optional<CatalogItem> itemOf(Organisation org) {
        for (String code : List.of(LEVEL_ITEM, BODY_ITEM)) {
            Optional<CatalogItem> item = catalog.item(code).filter(i -> !i.retired() && i.ownedBy(org));
            if (item.isPresent()) {
                return item;
            }
        }
        return Optional.empty();
    }

    /** The date a body's report for a year is due: 31 January or 31 March of the next year, or the working day after. */
    public LocalDate dueOn(Organisation org, int year) {
        return dueDates.dueOn(requireItem(org).schedule(), ReportingPeriod.year(year));
    }

    /**
     * The years of a body's 年报 column, newest first: every year since supervision began on the platform whose report
     * has fallen due or exists, and any year with a report.
     */
    @Transactional(readOnly = true)
    public List<AnnualReportYear> years(String orgCode) {
        Organisation org = organisations.get(orgCode);
        Optional<CatalogItem> item = itemOf(org);
        if (item.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        Map<Integer, ReportWork.Summary> reports = new LinkedHashMap<>();
        work.summaries(orgCode).forEach(s -> reports.put(s.year(), s));
        int first = Math.max(FIRST_YEAR, obligations.supervisedFrom().getYear());
        List<AnnualReportYear> out = new ArrayList<>();
        for (int y = today.getYear() - 1; y >= Math.min(first, reports.keySet().stream().min(Integer::compare)
                .orElse(first)); y--) {
            ReportWork.Summary s = reports.get(y);
            LocalDate due = dueOn(org, y);
            boolean owed = !LocalDate.of(y, 12, 31).isBefore(obligations.supervisedFrom()) || s != null;
            if (!owed) {
                continue;
            }
            boolean published = s != null && s.publishedAt() != null;
            LocalDate on = published ? s.publishedAt().atZone(PlatformConfiguration.CHINA).toLocalDate() : null;
            boolean late = published ? on.isAfter(due) : today.isAfter(due);
            out.add(new AnnualReportYear(y, work.title(org, item.get().code().equals(LEVEL_ITEM), y), published, late,
                    due, on, published ? "/annual-reports/" + orgCode + "/" + y : null));
        }
        return out;
    }

    /**
     * The report as the public sees it: once published, as published; before that, the tables computed today (the
     * figures come from public data) without the draft's texts or entered figures.
     */
    @Transactional(readOnly = true)
    public AnnualReportView forPublic(String orgCode, int year) {
        Organisation org = organisations.get(orgCode);
        requireYear(year);
        CatalogItem item = requireItem(org);
        return work.view(org, item.code().equals(LEVEL_ITEM), year, dueOn(org, year), false);
    }

    /** The report with the draft's texts and entered figures, for staff of the body. */
    @Transactional
    public AnnualReportView forStaff(String orgCode, int year, Actor actor) {
        Organisation org = organisations.get(orgCode);
        requireYear(year);
        if (!actor.canActFor(orgCode) || actor.roles().isEmpty()) {
            throw new AccessDeniedProblem("只有本单位工作人员可以查看年报草稿。");
        }
        CatalogItem item = requireItem(org);
        return work.view(org, item.code().equals(LEVEL_ITEM), year, dueOn(org, year), true);
    }

    /**
     * Saves what staff wrote or entered (only the parts given). Anything wrong is refused at once with every problem
     * named, and nothing is changed.
     */
    @Transactional
    public AnnualReportView save(String orgCode, int year, ReportEntry entry, Actor actor) {
        Organisation org = organisations.get(orgCode);
        requireYear(year);
        requireEditor(actor, orgCode);
        CatalogItem item = requireItem(org);
        boolean level = item.code().equals(LEVEL_ITEM);
        work.enter(org, level, year, entry, actor.username());
        audit.record("annual-report.save", "annual-report", orgCode + "/" + year, "保存" + year + "年年报");
        return work.view(org, level, year, dueOn(org, year), true);
    }

    /**
     * Sends the report to the three-step review: its content is computed and frozen, checked against the format's
     * consistency rules, and made the body of a record of the report's catalogue item (for the year as its period),
     * which is submitted for review like any record. Returns the record's draft key.
     */
    @Transactional
    public String submit(String orgCode, int year, Actor actor) {
        Organisation org = organisations.get(orgCode);
        requireYear(year);
        requireEditor(actor, orgCode);
        CatalogItem item = requireItem(org);
        boolean level = item.code().equals(LEVEL_ITEM);
        if (!LocalDate.now(clock).isAfter(LocalDate.of(year, 12, 31))) {
            throw new ConflictProblem(year + "年尚未结束，年报在次年1月1日以后才能提交审核。");
        }
        ReportWork.Frozen frozen = work.freeze(org, level, year);
        RecordInput input = new RecordInput(item.code(), orgCode, org.regionCode(), frozen.content().title(),
                frozen.summary(), null, LocalDate.now(clock), frozen.bodyHtml(), List.of("年度报告", "政府信息公开"),
                "public", null, null, null, null, null, null, String.valueOf(year));
        String ref = frozen.recordRef();
        if (ref == null) {
            ref = drafting.create(input, frozen.demo());
        } else {
            RecordStatus status = records.reviewState(ref).map(Records.ReviewState::status).orElse(null);
            if (status == null || !status.editable()) {
                throw new ConflictProblem(year + "年年报对应的信息处于“" + (status == null ? "不存在" : status.label())
                        + "”状态，不能再次提交。");
            }
            drafting.update(ref, input);
        }
        publishing.submit(ref);
        work.submitted(orgCode, year, ref, frozen.json(), actor.username());
        audit.record("annual-report.submit", "annual-report", orgCode + "/" + year, "提交" + year + "年年报审核，信息" + ref);
        return ref;
    }

    /** The published report as a PDF laid out as the national format's tables are; empty until published. */
    @Transactional(readOnly = true)
    public Optional<byte[]> pdf(String orgCode, int year) {
        AnnualReportView v = forPublic(orgCode, year);
        if (!v.published()) {
            return Optional.empty();
        }
        return Optional.of(printer.pdf(work.printable(v)));
    }

    /** The published report's body as the record holds it, for tests and the page. */
    public String html(AnnualReportView v) {
        return work.html(v.content());
    }

    private CatalogItem requireItem(Organisation org) {
        return itemOf(org).orElseThrow(() -> new NotFoundProblem(org.name() + "不编制政府信息公开工作年度报告"
                + (org.isInstitution() ? "（公共企事业单位按所属行业的规定公开年度报告）" : "") + "。"));
    }

    private void requireYear(int year) {
        int last = LocalDate.now(clock).getYear();
        if (year < FIRST_YEAR || year > last) {
            throw new InvalidInputProblem("year", "年报年度应在" + FIRST_YEAR + "年至" + last + "年之间，而不是" + year + "年。");
        }
    }

    private static void requireEditor(Actor actor, String orgCode) {
        if (!actor.canActFor(orgCode, Role.EDITOR)) {
            throw new AccessDeniedProblem("只有本单位的信息员可以填写和提交年报。");
        }
    }
}
