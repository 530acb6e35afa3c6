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

    protected SupervisionCheckEntity() {
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

    public LocalDate getCheckedOn() {
        return checkedOn;
    }

    public List<CheckScope> scope() {
        return Arrays.stream(scope.split(",")).filter(s -> !s.isEmpty()).map(CheckScope::valueOf).toList();
    }
}
