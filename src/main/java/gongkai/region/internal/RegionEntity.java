package gongkai.region.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import gongkai.region.Region;
import gongkai.region.RegionKind;
import gongkai.shared.Timestamped;

@Entity
@Table(name = "region")
public class RegionEntity extends Timestamped {

    @Id
    private String code;

    private String name;

    @Enumerated(EnumType.STRING)
    private RegionKind kind;

    private String parentCode;

    private String codeStandard;

    private int sortOrder;

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
