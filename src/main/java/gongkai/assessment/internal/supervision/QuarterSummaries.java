package gongkai.assessment.internal.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import gongkai.assessment.FindingStatus;
import gongkai.assessment.SupervisionSummary;
import gongkai.catalog.ReportingPeriod;
import gongkai.org.Organisations;

/**
 * The public summary of a quarter: every check dated in it, per body (in the order of the organisations' list), with
 * its findings' statuses as they stand on the day it is read.
 */
@Component
public class QuarterSummaries {

    private final SupervisionCheckRepository checks;
    private final SupervisionFindingRepository findings;
    private final Organisations organisations;

    QuarterSummaries(SupervisionCheckRepository checks, SupervisionFindingRepository findings,
            Organisations organisations) {
        this.checks = checks;
        this.findings = findings;
        this.organisations = organisations;
    }

    public SupervisionSummary of(ReportingPeriod quarter, Instant publishedAt, LocalDate asOf) {
        List<SupervisionCheckEntity> inQuarter = checks.findByCheckedOnBetweenOrderByOrgCodeAscCheckedOnAscIdAsc(
                quarter.firstDay(), quarter.lastDay());
        Map<String, List<SupervisionCheckEntity>> checksByOrg = new LinkedHashMap<>();
        inQuarter.forEach(c -> checksByOrg.computeIfAbsent(c.getOrgCode(), o -> new ArrayList<>()).add(c));
        Map<String, List<SupervisionFindingEntity>> findingsByOrg = new LinkedHashMap<>();
        findings.findByCheckIdInOrderByIdAsc(inQuarter.stream().map(SupervisionCheckEntity::getId).toList())
                .forEach(f -> findingsByOrg.computeIfAbsent(f.getOrgCode(), o -> new ArrayList<>()).add(f));
        List<SupervisionSummary.Body> bodies = new ArrayList<>();
        organisations.all().stream().filter(o -> checksByOrg.containsKey(o.code())).forEach(o -> {
            List<SupervisionFindingEntity> list = findingsByOrg.getOrDefault(o.code(), List.of());
            bodies.add(new SupervisionSummary.Body(o.code(), o.name(), checksByOrg.get(o.code()).size(), list.size(),
                    count(list, FindingStatus.RECTIFIED), count(list, FindingStatus.CLOSED),
                    (int) list.stream().filter(f -> f.getStatus().awaitsRectification()).count(),
                    (int) list.stream().filter(f -> f.overdueOn(asOf)).count(),
                    list.stream().map(f -> new SupervisionSummary.Line(f.getCheckedOn(), f.getProblem(),
                            f.getDeadline(), f.getStatus(), f.overdueOn(asOf))).toList()));
        });
        return new SupervisionSummary(quarter.toString(), quarter.describe(), publishedAt, asOf, bodies);
    }

    private static int count(List<SupervisionFindingEntity> list, FindingStatus status) {
        return (int) list.stream().filter(f -> f.getStatus() == status).count();
    }
}
