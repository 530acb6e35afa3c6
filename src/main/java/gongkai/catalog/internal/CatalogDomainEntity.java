package gongkai.catalog.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

@Entity
@Table(name = "catalog_domain")
public class CatalogDomainEntity {

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
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "updated_at")
    Instant updatedAt;

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

    @PrePersist
    void onCreate() {
        createdAt = Instant.now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = Instant.now();
    }
}
