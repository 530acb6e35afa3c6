package gongkai.assessment.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import gongkai.shared.ConflictProblem;

/**
 * A body's own sub-item under a city catalogue item (细化事项), which the plan asks each locality and department to work
 * out. It enters the body's 事项清单 once the city office approves it; city items themselves cannot be removed.
 */
@Entity
@Table(name = "catalog_sub_item")
public class SubItemEntity {

    public enum Status {
        PROPOSED("待审核"), APPROVED("已通过"), REJECTED("未通过");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String orgCode;
    private String parentItem;
    private String name;
    private String content;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String proposedBy;
    private Instant proposedAt;
    private String decidedBy;
    private Instant decidedAt;
    private String decisionNote;
    @Version
    private long version;

    protected SubItemEntity() {
    }

    public SubItemEntity(String orgCode, String parentItem, String name, String content, String proposedBy,
            Instant proposedAt) {
        this.orgCode = orgCode;
        this.parentItem = parentItem;
        this.name = name;
        this.content = content;
        this.status = Status.PROPOSED;
        this.proposedBy = proposedBy;
        this.proposedAt = proposedAt;
    }

    /** The city office decides once; a decided proposal is not decided again. */
    public void decide(boolean approve, String note, String by, Instant at) {
        if (status != Status.PROPOSED) {
            throw new ConflictProblem("该细化事项已经" + status.label() + "，不能再次审核。");
        }
        this.status = approve ? Status.APPROVED : Status.REJECTED;
        this.decisionNote = note;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getOrgCode() {
        return orgCode;
    }

    public String getParentItem() {
        return parentItem;
    }

    public String getName() {
        return name;
    }

    public String getContent() {
        return content;
    }

    public Status getStatus() {
        return status;
    }

    public String getProposedBy() {
        return proposedBy;
    }

    public Instant getProposedAt() {
        return proposedAt;
    }

    public String getDecisionNote() {
        return decisionNote;
    }
}
