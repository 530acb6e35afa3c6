package gongkai.assessment.internal.supervision;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A quarter whose summary of checks and findings is public. */
@Entity
@Table(name = "supervision_summary")
public class SupervisionSummaryEntity {

    @Id
    private String quarter;
    private Instant publishedAt;
    private String publishedBy;

    protected SupervisionSummaryEntity() {
    }

    public SupervisionSummaryEntity(String quarter, Instant publishedAt, String publishedBy) {
        this.quarter = quarter;
        this.publishedAt = publishedAt;
        this.publishedBy = publishedBy;
    }

    public String getQuarter() {
        return quarter;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }
}
