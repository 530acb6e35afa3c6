package gongkai.assessment.internal.supervision;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import gongkai.assessment.CheckScope;
import gongkai.assessment.SupervisionFinding;
import gongkai.org.Organisations;

/** Findings as the service answers them, with their check's scope and the body's name, overdue as of a day. */
@Component
public class FindingViews {

    private final SupervisionCheckRepository checks;
    private final Organisations organisations;

    FindingViews(SupervisionCheckRepository checks, Organisations organisations) {
        this.checks = checks;
        this.organisations = organisations;
    }

    public SupervisionFinding of(SupervisionFindingEntity f, LocalDate today) {
        return of(List.of(f), today).get(0);
    }

    public List<SupervisionFinding> of(List<SupervisionFindingEntity> findings, LocalDate today) {
        Map<Long, List<CheckScope>> scopes = checks.findAllById(findings.stream()
                .map(SupervisionFindingEntity::getCheckId).distinct().toList()).stream()
                .collect(Collectors.toMap(SupervisionCheckEntity::getId, SupervisionCheckEntity::scope));
        Map<String, String> names = organisations.namesByCode();
        return findings.stream().map(f -> new SupervisionFinding(f.getId(), f.getCheckId(), f.getOrgCode(),
                names.getOrDefault(f.getOrgCode(), f.getOrgCode()), f.getCheckedOn(),
                scopes.getOrDefault(f.getCheckId(), List.of()), f.getProblem(), f.getCatalogItem(),
                f.getRecordIndexNo(), f.getDeadline(), f.getStatus(), f.getRectification(), f.getRectifiedOn(),
                f.getClosedOn(), f.overdueOn(today))).toList();
    }
}
