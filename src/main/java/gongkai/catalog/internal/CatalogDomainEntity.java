package gongkai.catalog.internal;

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
    String planSection;
    String owners;
    String crossNote;
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
