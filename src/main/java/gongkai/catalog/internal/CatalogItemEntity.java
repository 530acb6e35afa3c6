package gongkai.catalog.internal;

import jakarta.persistence.Column;
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
    @Column(name = "domain_code")
    String domainCode;
    String name;
    String audience;
    String schedule;
    @Column(name = "owner_orgs")
    String ownerOrgs;
    @Column(name = "county_owners")
    boolean countyOwners;
    String content;
    @Column(name = "legal_basis")
    String legalBasis;
    @Column(name = "subject_class")
    String subjectClass;
    String channels;
    String computed;
    boolean retired;
    @Column(name = "policy_document")
    boolean policyDocument;
    @Column(name = "sort_order")
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
