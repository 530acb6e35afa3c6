package gongkai.catalog.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import gongkai.shared.Timestamped;
import jakarta.persistence.Version;

/** Lists (owner codes, channels) are kept as '|'-separated text: short, read whole, never queried by element. */
@Entity
@Table(name = "catalog_item")
public class CatalogItemEntity extends Timestamped {

    @Id
    String code;
    String domainCode;
    String name;
    String audience;
    String schedule;
    String ownerOrgs;
    boolean countyOwners;
    String ownerSectors;
    String content;
    String legalBasis;
    String subjectClass;
    String channels;
    String computed;
    boolean retired;
    boolean policyDocument;
    int sortOrder;
    @Version
    long version;

    protected CatalogItemEntity() {
    }

    CatalogItemEntity(String code, String domainCode, int sortOrder) {
        this.code = code;
        this.domainCode = domainCode;
        this.sortOrder = sortOrder;
    }

}
