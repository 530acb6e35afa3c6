package gongkai.org.internal;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import gongkai.org.OrganisationName;

@Entity
@Table(name = "organisation_name")
public class OrganisationNameEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String orgCode;

    private String name;

    private LocalDate validFrom;

    private LocalDate validUntil;

    private String note;

    protected OrganisationNameEntity() {
    }

    public OrganisationNameEntity(String orgCode, String name, LocalDate validFrom, LocalDate validUntil, String note) {
        this.orgCode = orgCode;
        this.name = name;
        this.validFrom = validFrom;
        this.validUntil = validUntil;
        this.note = note;
    }

    public OrganisationName toName() {
        return new OrganisationName(name, validFrom, validUntil, note);
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public LocalDate getValidUntil() {
        return validUntil;
    }

    void closeOn(LocalDate date) {
        this.validUntil = date;
    }
}
