package gongkai.region.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

import gongkai.region.Region;
import gongkai.region.RegionKind;

@Entity
@Table(name = "region")
public class RegionEntity {

    @Id
    private String code;

    private String name;

    @Enumerated(EnumType.STRING)
    private RegionKind kind;

    @Column(name = "parent_code")
    private String parentCode;

    @Column(name = "code_standard")
    private String codeStandard;

    @Column(name = "sort_order")
    private int sortOrder;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected RegionEntity() {
    }

    public RegionEntity(String code, String name, RegionKind kind, String parentCode, String codeStandard,
            int sortOrder) {
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.parentCode = parentCode;
        this.codeStandard = codeStandard;
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

    public Region toRegion() {
        return new Region(code, name, kind, parentCode, codeStandard);
    }

    public String getName() {
        return name;
    }

    public void rename(String newName) {
        this.name = newName;
    }
}
