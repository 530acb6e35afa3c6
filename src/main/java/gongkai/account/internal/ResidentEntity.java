package gongkai.account.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import gongkai.account.Resident;

@Entity
@Table(name = "resident")
public class ResidentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String username;
    private String passwordHash;
    private String displayName;
    private String phone;
    private String regionCode;
    @Enumerated(EnumType.STRING)
    private Resident.Status status;
    private String decidedBy;
    private Instant decidedAt;
    private String decisionNote;
    private Instant createdAt;

    protected ResidentEntity() {
    }

    public ResidentEntity(String username, String passwordHash, String displayName, String phone, String regionCode) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.phone = phone;
        this.regionCode = regionCode;
        this.status = Resident.Status.PENDING;
        this.createdAt = Instant.now();
    }

    public Resident toResident() {
        return new Resident(id, username, displayName, phone, regionCode, status, decidedBy, decidedAt, decisionNote,
                createdAt);
    }

    public void decide(Resident.Status next, String by, String note, Instant at) {
        this.status = next;
        this.decidedBy = by;
        this.decisionNote = note;
        this.decidedAt = at;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public Resident.Status getStatus() {
        return status;
    }
}
