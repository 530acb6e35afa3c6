package gongkai.assessment.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An obligation an approver exempted, with the reason the public reads on 公开情况. */
@Entity
@Table(name = "obligation_exemption")
public class ExemptionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String orgCode;
    private String catalogItem;
    /** The period, or for an event obligation {@code event:<id>}. */
    private String period;
    private String reason;
    private String exemptedBy;
    private Instant exemptedAt;

    protected ExemptionEntity() {
    }

    public ExemptionEntity(String orgCode, String catalogItem, String period, String reason, String exemptedBy,
            Instant exemptedAt) {
        this.orgCode = orgCode;
        this.catalogItem = catalogItem;
        this.period = period;
        this.reason = reason;
        this.exemptedBy = exemptedBy;
        this.exemptedAt = exemptedAt;
    }

    public String key() {
        return ObligationKey.of(orgCode, catalogItem, period);
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

    public String getPeriod() {
        return period;
    }

    public String getReason() {
        return reason;
    }

    public String getExemptedBy() {
        return exemptedBy;
    }

    public Instant getExemptedAt() {
        return exemptedAt;
    }
}
