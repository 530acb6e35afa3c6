package gongkai.reporting.internal;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import gongkai.reporting.EnteredFigure;
import gongkai.reporting.ReportSection;
import gongkai.reporting.ReportStatus;
import gongkai.shared.ConflictProblem;

/**
 * A body's report for a year: the aggregate that guards its own steps. Staff change it only as a draft; submitting
 * freezes its content and hands it to the three-step review as a record; a rejected record brings it back to draft;
 * publication freezes the content the public reads.
 */
@Entity
@Table(name = "annual_report")
public class AnnualReportEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String orgCode;
    private int reportYear;
    private boolean levelReport;
    private String overview = "";
    private String problems = "";
    private String otherMatters = "";
    private String accountability = "";
    private Integer licensing;
    private Integer punishment;
    private Integer coercion;
    private BigDecimal feesWan;
    private String licensingSource = "";
    private String punishmentSource = "";
    private String coercionSource = "";
    private String feesSource = "";
    /** JSON: group → result → count, the cases not registered against a request on the platform. */
    private String appealsEntered = "{}";
    @Enumerated(EnumType.STRING)
    private ReportStatus status;
    private String recordRef;
    private String indexNo;
    private String submittedContent;
    private String publishedContent;
    private Instant publishedAt;
    /** Fictitious demo content (示例数据), published as such. */
    private boolean demo;
    private String updatedBy;
    private Instant updatedAt;
    @Version
    private long version;

    protected AnnualReportEntity() {
    }

    AnnualReportEntity(String orgCode, int reportYear, boolean levelReport, String by, Instant at) {
        this.orgCode = orgCode;
        this.reportYear = reportYear;
        this.levelReport = levelReport;
        this.status = ReportStatus.DRAFT;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    /** Takes what staff entered, already checked; only a draft changes. */
    void enter(ParsedEntry e, String by, Instant at) {
        requireDraft();
        overview = e.sections().getOrDefault(ReportSection.OVERVIEW, overview);
        problems = e.sections().getOrDefault(ReportSection.PROBLEMS, problems);
        otherMatters = e.sections().getOrDefault(ReportSection.OTHER, otherMatters);
        accountability = e.sections().getOrDefault(ReportSection.ACCOUNTABILITY, accountability);
        if (e.figures().containsKey(EnteredFigure.LICENSING)) {
            licensing = e.figures().get(EnteredFigure.LICENSING).intValueExact();
        }
        if (e.figures().containsKey(EnteredFigure.PUNISHMENT)) {
            punishment = e.figures().get(EnteredFigure.PUNISHMENT).intValueExact();
        }
        if (e.figures().containsKey(EnteredFigure.COERCION)) {
            coercion = e.figures().get(EnteredFigure.COERCION).intValueExact();
        }
        if (e.figures().containsKey(EnteredFigure.FEES)) {
            feesWan = e.figures().get(EnteredFigure.FEES);
        }
        licensingSource = e.sources().getOrDefault(EnteredFigure.LICENSING, licensingSource);
        punishmentSource = e.sources().getOrDefault(EnteredFigure.PUNISHMENT, punishmentSource);
        coercionSource = e.sources().getOrDefault(EnteredFigure.COERCION, coercionSource);
        feesSource = e.sources().getOrDefault(EnteredFigure.FEES, feesSource);
        if (e.appealsJson() != null) {
            appealsEntered = e.appealsJson();
        }
        touch(by, at);
    }

    /** Handed to review as the record {@code ref}, with the content the record was made from. */
    void submitted(String ref, String contentJson, String by, Instant at) {
        requireDraft();
        recordRef = ref;
        submittedContent = contentJson;
        status = ReportStatus.IN_REVIEW;
        touch(by, at);
    }

    /** The reviewer or approver sent the record back: staff may change the report again. */
    void returned(String by, Instant at) {
        if (status != ReportStatus.IN_REVIEW) {
            throw new IllegalStateException("Report " + orgCode + "/" + reportYear + " is " + status + ", not in review");
        }
        status = ReportStatus.DRAFT;
        touch(by, at);
    }

    /** The record was published: what was submitted is what the public reads. */
    void published(String indexNo, Instant at) {
        if (status != ReportStatus.IN_REVIEW) {
            throw new IllegalStateException("Report " + orgCode + "/" + reportYear + " is " + status + ", not in review");
        }
        this.indexNo = indexNo;
        this.publishedContent = submittedContent;
        this.publishedAt = at;
        this.status = ReportStatus.PUBLISHED;
    }

    private void requireDraft() {
        if (status == ReportStatus.IN_REVIEW) {
            throw new ConflictProblem(reportYear + "年年报已提交审核，审核退回后才能修改。");
        }
        if (status == ReportStatus.PUBLISHED) {
            throw new ConflictProblem(reportYear + "年年报已发布，内容已固定，不能再修改。");
        }
    }

    private void touch(String by, Instant at) {
        updatedBy = by;
        updatedAt = at;
    }

    public String text(ReportSection s) {
        return switch (s) {
            case OVERVIEW -> overview;
            case PROBLEMS -> problems;
            case OTHER -> otherMatters;
            case ACCOUNTABILITY -> accountability;
        };
    }

    /** An entered figure, null until entered; a count as a whole number, FEES in 万元. */
    public BigDecimal figure(EnteredFigure f) {
        return switch (f) {
            case LICENSING -> licensing == null ? null : BigDecimal.valueOf(licensing);
            case PUNISHMENT -> punishment == null ? null : BigDecimal.valueOf(punishment);
            case COERCION -> coercion == null ? null : BigDecimal.valueOf(coercion);
            case FEES -> feesWan;
        };
    }

    public String source(EnteredFigure f) {
        return switch (f) {
            case LICENSING -> licensingSource;
            case PUNISHMENT -> punishmentSource;
            case COERCION -> coercionSource;
            case FEES -> feesSource;
        };
    }

    public Long getId() {
        return id;
    }

    public String getOrgCode() {
        return orgCode;
    }

    public int getReportYear() {
        return reportYear;
    }

    public boolean isLevelReport() {
        return levelReport;
    }

    public String getAppealsEntered() {
        return appealsEntered;
    }

    public ReportStatus getStatus() {
        return status;
    }

    public String getRecordRef() {
        return recordRef;
    }

    public String getIndexNo() {
        return indexNo;
    }

    public String getSubmittedContent() {
        return submittedContent;
    }

    public String getPublishedContent() {
        return publishedContent;
    }

    public boolean isDemo() {
        return demo;
    }

    void markDemo() {
        demo = true;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
