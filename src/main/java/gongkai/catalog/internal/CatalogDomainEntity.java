package gongkai.catalog.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import gongkai.shared.Timestamped;

@Entity
@Table(name = "catalog_domain")
public class CatalogDomainEntity extends Timestamped {

    @Id
    String code;
    String name;
    @Column(name = "plan_section")
    String planSection;
    String owners;
    @Column(name = "cross_note")
    String crossNote;
    @Column(name = "sort_order")
    int sortOrder;

    protected CatalogDomainEntity() {
    }

    CatalogDomainEntity(String code, String name, String planSection, String owners, String crossNote, int sortOrder) {
        this.code = code;
        this.name = name;
        this.planSection = planSection;
        this.owners = owners;
        this.crossNote = crossNote;
        this.sortOrder = sortOrder;
    }

}
