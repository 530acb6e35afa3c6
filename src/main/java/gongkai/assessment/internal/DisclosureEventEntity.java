package gongkai.assessment.internal;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An event that obliges a body to publish an event item (a warning issued, an emergency declared, a fund allocated):
 * the clock of {@code event:N} runs from the day it occurred.
 */
@Entity
@Table(name = "disclosure_event")
public class DisclosureEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String orgCode;
    private String catalogItem;
    private LocalDate occurredOn;
    private String description;
    /** Where it came from when another module reported it (e.g. a warning's id), so a repeat is recorded once. */
    private String sourceRef;
    private String recordedBy;
    private Instant recordedAt;

    protected DisclosureEventEntity() {
    }

    public DisclosureEventEntity(String orgCode, String catalogItem, LocalDate occurredOn, String description,
            String sourceRef, String recordedBy, Instant recordedAt) {
        this.orgCode = orgCode;
        this.catalogItem = catalogItem;
        this.occurredOn = occurredOn;
        this.description = description;
        this.sourceRef = sourceRef;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long getId() {
        return id;
    }

    public String getOrgCode() {
        return orgCode;
    }

    public String getCatalogItem() {
        return catalogItem;
    }

    public LocalDate getOccurredOn() {
        return occurredOn;
    }

    public String getDescription() {
        return description;
    }

    public String getSourceRef() {
        return sourceRef;
    }

    public String getRecordedBy() {
        return recordedBy;
    }
}
