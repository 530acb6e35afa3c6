package gongkai.publishing.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import gongkai.catalog.Catalog;
import gongkai.org.Organisation;
import gongkai.org.Organisations;
import gongkai.publishing.RecordStatus;
import gongkai.publishing.RecordStep;
import gongkai.publishing.RecordWithdrawn;
import gongkai.shared.AuditedChange;
import gongkai.shared.ConflictProblem;

/**
 * Publication itself: index number, frozen version, content hash, review step, audit line and the event, all in
 * the caller's transaction, so either everything happens or nothing does. Also runs due scheduled publications.
 */
@Component
public class PublicationStep {

    private static final Logger log = LoggerFactory.getLogger(PublicationStep.class);

    private final RecordRepository records;
    private final RecordVersionRepository versions;
    private final RecordStepRepository steps;
    private final RecordAttachmentRepository attachments;
    private final IndexNumbers indexNumbers;
    private final Organisations organisations;
    private final Catalog catalog;
    private final RowsJson rowsJson;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    PublicationStep(RecordRepository records, RecordVersionRepository versions, RecordStepRepository steps,
            RecordAttachmentRepository attachments, IndexNumbers indexNumbers, Organisations organisations,
            Catalog catalog, RowsJson rowsJson, ApplicationEventPublisher events, TransactionTemplate tx,
            Clock clock) {
        this.records = records;
        this.versions = versions;
        this.steps = steps;
        this.attachments = attachments;
        this.indexNumbers = indexNumbers;
        this.organisations = organisations;
        this.catalog = catalog;
        this.rowsJson = rowsJson;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void publish(RecordEntity record, String approver, Instant at) {
        Organisation org = organisations.get(record.getOrgCode());
        LocalDate day = LocalDate.ofInstant(at, clock.getZone());
        String newIndexNo = record.getIndexNo() == null ? indexNumbers.next(org.indexPrefix(), day.getYear()) : null;
        record.published(newIndexNo, at);
        String publisher = organisations.nameOn(org.code(), day);
        List<Map<String, String>> files = attachments.findByRecordIdOrderByPositionAsc(record.getId()).stream()
                .map(a -> {
                    Map<String, String> m = new LinkedHashMap<>();
                    var att = a.toAttachment();
                    m.put("sha256", att.sha256());
                    m.put("name", att.name());
                    m.put("mediaType", att.mediaType());
                    m.put("size", String.valueOf(att.size()));
                    m.put("altText", att.altText() == null ? "" : att.altText());
                    return m;
                }).toList();
        RecordEntity.WorkingCopy c = record.content();
        int version = record.getPublishedVersion();
        RecordVersionEntity frozen = new RecordVersionEntity(record.getId(), version, c, rowsJson.writeValue(files),
                publisher, at, approver);
        String sha = ContentHash.sha256(ContentHash.content(record, frozen,
                catalog.requireItem(record.getCatalogItem()), rowsJson));
        frozen.seal(sha);
        versions.save(frozen);
        steps.save(new RecordStepEntity(record.getId(), RecordStep.Kind.PUBLISH, approver, "第" + version + "版", at));
        events.publishEvent(new AuditedChange("record.publish", "record", record.getIndexNo(),
                "发布第" + version + "版：" + c.title()));
        events.publishEvent(record.publicationEvent(sha));
    }

    /** Withdraws a published record (撤回); the record checks its state and the reason. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void withdraw(RecordEntity record, String approver, String reason, Instant at) {
        RecordWithdrawn withdrawn = record.withdraw(reason, at);
        steps.save(new RecordStepEntity(record.getId(), RecordStep.Kind.WITHDRAW, approver, withdrawn.reason(), at));
        events.publishEvent(new AuditedChange("record.withdraw", "record", record.getIndexNo(),
                "撤回：" + withdrawn.reason()));
        events.publishEvent(withdrawn);
    }

    /** Interpretations of this policy waiting for approval: they are published with it (同步审签). */
    public List<RecordEntity> interpretationsToPublishWith(RecordEntity policy) {
        return records.findByInterpretationOf(policy.getId()).stream()
                .filter(i -> i.getStatus() == RecordStatus.REVIEWED).toList();
    }

    public boolean hasPublishedInterpretation(RecordEntity policy) {
        return records.findByInterpretationOf(policy.getId()).stream().anyMatch(i -> i.getPublishedVersion() > 0);
    }

    /** An interpretation is published on its own only once its policy is public; otherwise it waits for it. */
    public void requirePolicyPublishedOrTogether(RecordEntity interpretation) {
        RecordEntity policy = records.findById(interpretation.content().interpretationOf()).orElseThrow();
        if (policy.getPublishedVersion() == 0) {
            throw new ConflictProblem("所解读的政策尚未发布：解读已审核，将在审批该政策时同步发布。");
        }
    }

    /** Publishes scheduled records whose time has come; each is claimed first so one node publishes it once. */
    @SchedulerLock(name = "publishing.scheduled", lockAtMostFor = "PT10M", lockAtLeastFor = "PT5S")
    @Scheduled(fixedDelayString = "${gongkai.publishing.schedule-check:60s}")
    public void publishDue() {
        Instant now = Instant.now(clock);
        for (RecordEntity due : records.findByStatusAndScheduledAtLessThanEqual(RecordStatus.SCHEDULED, now)) {
            try {
                tx.executeWithoutResult(s -> {
                    if (records.claimScheduled(due.getId()) == 1) {
                        RecordEntity record = records.findById(due.getId()).orElseThrow();
                        String approver = steps.findByRecordIdOrderByIdAsc(record.getId()).stream()
                                .map(RecordStepEntity::toStep).filter(x -> x.kind() == RecordStep.Kind.APPROVE)
                                .reduce((a, b) -> b).map(RecordStep::actor).orElse("system");
                        publish(record, approver, now);
                        for (RecordEntity i : interpretationsToPublishWith(record)) {
                            publish(i, approver, now);
                        }
                    }
                });
            } catch (RuntimeException e) {
                log.error("Scheduled publication of record {} failed; it stays scheduled", due.getId(), e);
            }
        }
    }
}
