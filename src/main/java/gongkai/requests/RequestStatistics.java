package gongkai.requests;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gongkai.org.Organisation;
import gongkai.org.Organisations;
import gongkai.requests.internal.InformationRequestEntity;
import gongkai.requests.internal.InformationRequestRepository;

/**
 * The figures anyone may read: table 三 of an organisation's annual report, the fees collected, and the public
 * statistics of each organisation's requests (received, answered, answered on time, outcomes). Nothing about any
 * applicant.
 */
@Service
@Transactional(readOnly = true)
public class RequestStatistics {

    private final InformationRequestRepository requests;
    private final Organisations organisations;
    private final Clock clock;

    RequestStatistics(InformationRequestRepository requests, Organisations organisations, Clock clock) {
        this.requests = requests;
        this.organisations = organisations;
        this.clock = clock;
    }

    /**
     * One organisation's year.
     *
     * @param received        一、本年新收
     * @param answered        （七）总计: answered in the year
     * @param answeredOnTime  of those answered with a running clock, the ones answered by their due date
     * @param answeredLate    the ones answered after it
     * @param openOverdue     still open, past their due date today
     */
    public record OrganisationYear(String orgCode, String orgName, int year, int received, int answered,
            int answeredOnTime, int answeredLate, int openOverdue, AnnualRequestTable table) {

        /** Answered on time as a share of those answered with a due date, in per cent; null when none. */
        public Integer onTimePercent() {
            int timed = answeredOnTime + answeredLate;
            return timed == 0 ? null : Math.round(100f * answeredOnTime / timed);
        }
    }

    /** Table 三 for an organisation and year. */
    public AnnualRequestTable table(String orgCode, int year) {
        Organisation org = organisations.get(orgCode);
        return AnnualRequestTable.of(org.code(), org.name(), year, LocalDate.now(clock), counted(
                inYear(org.code(), year)));
    }

    /**
     * Table 三 summed over several bodies — a government's level report counts its office's and its departments'
     * requests together — under the name given. The sums keep every consistency rule of the table.
     */
    public AnnualRequestTable table(String orgCode, String name, java.util.Collection<String> orgCodes, int year) {
        List<InformationRequestEntity> rows = new java.util.ArrayList<>();
        for (String code : orgCodes) {
            rows.addAll(inYear(organisations.get(code).code(), year));
        }
        return AnnualRequestTable.of(orgCode, name, year, LocalDate.now(clock), counted(rows));
    }

    public OrganisationYear year(String orgCode, int year) {
        Organisation org = organisations.get(orgCode);
        LocalDate today = LocalDate.now(clock);
        List<InformationRequestEntity> rows = inYear(org.code(), year);
        AnnualRequestTable table = AnnualRequestTable.of(org.code(), org.name(), year, today, counted(rows));
        int onTime = 0;
        int late = 0;
        int overdue = 0;
        for (InformationRequestEntity r : rows) {
            boolean answeredInYear = r.getAnsweredOn() != null && r.getAnsweredOn().getYear() == year;
            if (answeredInYear && r.getDueOn() != null) {
                if (r.isLateAnswer()) {
                    late++;
                } else {
                    onTime++;
                }
            }
            if (r.getPhase() == RequestPhase.RUNNING && r.getDueOn() != null && today.isAfter(r.getDueOn())) {
                overdue++;
            }
        }
        return new OrganisationYear(org.code(), org.name(), year,
                table.row(AnnualRequestTable.NEW).value(AnnualRequestTable.Column.TOTAL),
                table.row(AnnualRequestTable.TOTAL).value(AnnualRequestTable.Column.TOTAL), onTime, late, overdue,
                table);
    }

    /** Every organisation's figures of the year that has requests, in one query (the assessment's input). */
    public List<RequestFigures> assessmentFigures(int year) {
        List<RequestOutcome> disclosing = java.util.Arrays.stream(RequestOutcome.values())
                .filter(o -> o.group() == RequestOutcome.Group.PUBLIC || o.group() == RequestOutcome.Group.PARTIAL)
                .toList();
        return requests.figures(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), LocalDate.now(clock),
                disclosing);
    }

    /**
     * The 信息处理费 the bodies collected in the year: the requests they handle whose payment (缴纳信息处理费) was
     * recorded with a date in the year, and the sum of their fees. A request is charged once (one fee notice, paid once
     * or never), and the fee noticed is the amount paid: no other amount is recorded. A notice left unpaid collected
     * nothing and is not counted. One aggregate query.
     */
    public FeeFigures fees(Collection<String> orgCodes, int year) {
        if (orgCodes.isEmpty()) {
            return new FeeFigures(0, BigDecimal.ZERO.setScale(2));
        }
        Object[] row = requests.feesPaid(orgCodes, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
                RequestEvent.Kind.FEE_PAID).get(0);
        BigDecimal sum = row[1] == null ? BigDecimal.ZERO : (BigDecimal) row[1];
        return new FeeFigures(((Number) row[0]).intValue(), sum.setScale(2));
    }

    /** Every organisation's year, in the directory's order. */
    public List<OrganisationYear> overview(int year) {
        return organisations.all().stream().map(o -> year(o.code(), year)).toList();
    }

    /** The organisations' names by code, for pages. */
    public Map<String, String> organisationNames() {
        return organisations.namesByCode();
    }

    private List<InformationRequestEntity> inYear(String orgCode, int year) {
        return requests.inYear(orgCode, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    private static List<AnnualRequestTable.Counted> counted(List<InformationRequestEntity> rows) {
        return rows.stream().map(r -> new AnnualRequestTable.Counted(r.getApplicantKind(), r.getReceivedOn(),
                r.getAnsweredOn(), r.getOutcome())).toList();
    }
}
