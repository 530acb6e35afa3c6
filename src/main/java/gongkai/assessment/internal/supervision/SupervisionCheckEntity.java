package gongkai.assessment.internal.supervision;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import gongkai.assessment.CheckScope;
import gongkai.shared.Timestamped;

/** 督查: one check of one body on one day by an auditor. Its findings carry the rectification cycle. */
@Entity
@Table(name = "supervision_check")
public class SupervisionCheckEntity extends Timestamped {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String orgCode;
    private LocalDate checkedOn;
    /** The scope codes, comma-separated in the order of {@link CheckScope}. */
    private String scope;
    private String checkedBy;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private gongkai.assessment.FindingSource source = gongkai.assessment.FindingSource.AUDIT;
    private String sourceRef;

    protected SupervisionCheckEntity() {
    }

    /** A check standing for a finding raised elsewhere (a complaint, a social supervisor), with its source. */
    public SupervisionCheckEntity(String orgCode, LocalDate checkedOn, List<CheckScope> scope, String checkedBy,
            gongkai.assessment.FindingSource source, String sourceRef) {
        this(orgCode, checkedOn, scope, checkedBy);
        this.source = source;
        this.sourceRef = sourceRef;
    }

    public gongkai.assessment.FindingSource getSource() {
        return source;
    }

    public String getSourceRef() {
        return sourceRef;
    }

    public SupervisionCheckEntity(String orgCode, LocalDate checkedOn, List<CheckScope> scope, String checkedBy) {
        this.orgCode = orgCode;
        this.checkedOn = checkedOn;
        this.scope = scope.stream().sorted().distinct().map(Enum::name).collect(Collectors.joining(","));
        this.checkedBy = checkedBy;
    }

    public Long getId() {
        return id;
    }

    public String getOrgCode() {
        return orgCode;
    }

    public String getCheckedBy() {
        return checkedBy;
    }

    public LocalDate getCheckedOn() {
        return checkedOn;
    }

    public List<CheckScope> scope() {
        return Arrays.stream(scope.split(",")).filter(s -> !s.isEmpty()).map(CheckScope::valueOf).toList();
    }
}
