package gongkai.reporting.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import gongkai.reporting.GuideText;
import gongkai.reporting.GuideVersion;

/** One saved version of a body's 政府信息公开指南; never changed once written. */
@Entity
@Table(name = "disclosure_guide")
public class GuideVersionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String orgCode;
    private int versionNo;
    private String classification;
    private String proactive;
    private String requests;
    private String savedBy;
    private Instant savedAt;

    protected GuideVersionEntity() {
    }

    public GuideVersionEntity(String orgCode, int versionNo, GuideText text, String savedBy, Instant savedAt) {
        this.orgCode = orgCode;
        this.versionNo = versionNo;
        this.classification = text.classification();
        this.proactive = text.proactive();
        this.requests = text.requests();
        this.savedBy = savedBy;
        this.savedAt = savedAt;
    }

    public int getVersionNo() {
        return versionNo;
    }

    public Instant getSavedAt() {
        return savedAt;
    }

    public GuideText text() {
        return new GuideText(classification, proactive, requests);
    }

    public GuideVersion toVersion() {
        return new GuideVersion(versionNo, savedBy, savedAt);
    }
}
