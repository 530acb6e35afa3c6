package gongkai.assessment.internal;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import gongkai.assessment.ObligationFlag;

/** A flag of the daily check, replaced whole by the next run. */
@Entity
@Table(name = "obligation_flag")
public class ObligationFlagEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String orgCode;
    @Enumerated(EnumType.STRING)
    private ObligationFlag.Kind kind;
    private String catalogItem;
    private String period;
    private LocalDate dueOn;
    private int workingDays;
    private LocalDate flaggedOn;

    protected ObligationFlagEntity() {
    }

    public ObligationFlagEntity(String orgCode, ObligationFlag.Kind kind, String catalogItem, String period,
            LocalDate dueOn, int workingDays, LocalDate flaggedOn) {
        this.orgCode = orgCode;
        this.kind = kind;
        this.catalogItem = catalogItem;
        this.period = period;
        this.dueOn = dueOn;
        this.workingDays = workingDays;
        this.flaggedOn = flaggedOn;
    }

    public String getOrgCode() {
        return orgCode;
    }

    public ObligationFlag.Kind getKind() {
        return kind;
    }

    public String getCatalogItem() {
        return catalogItem;
    }

    public String getPeriod() {
        return period;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public int getWorkingDays() {
        return workingDays;
    }

    public LocalDate getFlaggedOn() {
        return flaggedOn;
    }
}
