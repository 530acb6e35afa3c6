package gongkai.assessment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gongkai.assessment.internal.AssessmentProperties;
import gongkai.assessment.internal.DisclosureEventEntity;
import gongkai.assessment.internal.DisclosureEventRepository;
import gongkai.assessment.internal.ExemptionEntity;
import gongkai.assessment.internal.ExemptionRepository;
import gongkai.assessment.internal.ObligationKey;
import gongkai.assessment.internal.ResponsibleBodies;
import gongkai.catalog.Catalog;
import gongkai.catalog.CatalogItem;
import gongkai.catalog.PublicationSchedule;
import gongkai.catalog.ReportingPeriod;
import gongkai.org.Organisation;
import gongkai.org.Organisations;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.AuditedChange;
import gongkai.shared.ConflictProblem;
import gongkai.shared.DisclosureEventOccurred;
import gongkai.shared.GongkaiProperties;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.InvalidInputProblem.FieldError;
import gongkai.shared.NotFoundProblem;
import gongkai.shared.Role;

/**
 * The two things people add to the obligations: an exemption (免予公开, by an approver with a reason, audited and shown
 * to the public) and an event that starts an event item's clock. Each is checked whole and changes nothing when
 * refused.
 */
@Service
@Transactional
public class ObligationChanges {

    private final ResponsibleBodies bodies;
    private final Catalog catalog;
    private final Organisations organisations;
    private final ExemptionRepository exemptions;
    private final DisclosureEventRepository events;
    private final AssessmentProperties properties;
    private final GongkaiProperties platform;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    ObligationChanges(ResponsibleBodies bodies, Catalog catalog, Organisations organisations,
            ExemptionRepository exemptions, DisclosureEventRepository events, AssessmentProperties properties,
            GongkaiProperties platform, ApplicationEventPublisher publisher, Clock clock) {
        this.bodies = bodies;
        this.catalog = catalog;
        this.organisations = organisations;
        this.exemptions = exemptions;
        this.events = events;
        this.properties = properties;
        this.platform = platform;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** An exemption asked for: the obligation is named by body, item and period (or the event's id). */
    public record NewExemption(String org, String item, String period, Long eventId, String reason) {
    }

    /** An event recorded by staff. */
    public record NewEvent(String org, String item, LocalDate occurredOn, String description) {
    }

    /**
     * Whether the actor may exempt the body's obligations: an APPROVER of the body itself (the reason is public) or of
     * the city office, which supervises every body. Pages ask this to offer the form; {@link #exempt} enforces it.
     */
    public boolean mayExempt(Actor actor, String org) {
        return actor.has(Role.APPROVER)
                && (org.equals(actor.orgCode()) || platform.cityOffice().equals(actor.orgCode()));
    }

    /** Whether the actor may record an event for the body: its own staff who publish, or the city office's. */
    public boolean mayRecordEvent(Actor actor, String org) {
        boolean staff = actor.has(Role.EDITOR) || actor.has(Role.APPROVER) || actor.has(Role.ADMIN);
        return staff && (org.equals(actor.orgCode()) || platform.cityOffice().equals(actor.orgCode()));
    }

    /** Whether the actor belongs to the city office, which supervises every body. */
    public boolean supervises(Actor actor) {
        return platform.cityOffice().equals(actor.orgCode());
    }

    /** A body's exemptions, newest first. */
    @Transactional(readOnly = true)
    public List<ExemptionEntity> exemptionsOf(String org) {
        return exemptions.findByOrgCodeOrderByIdDesc(org);
    }

    public long exempt(NewExemption in, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        Organisation org = body(in.org(), errors);
        CatalogItem item = item(org, in.item(), errors);
        String period = null;
        if (item != null) {
            period = obligationPeriod(item, in, errors);
        }
        if (in.reason() == null || in.reason().strip().length() < 4) {
            errors.add(new FieldError("reason", "请写明免予公开的理由（至少4个字），公众将在公开情况中看到。"));
        } else if (in.reason().strip().length() > 500) {
            errors.add(new FieldError("reason", "理由不能超过500个字。"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        if (!mayExempt(actor, org.code())) {
            throw new AccessDeniedProblem("只有" + org.name() + "或市政府办公室的分管领导（审批）可以免予公开。");
        }
        if (exemptions.findByOrgCodeAndCatalogItemAndPeriod(org.code(), item.code(), period).isPresent()) {
            throw new ConflictProblem("该公开义务已经免予公开。");
        }
        ExemptionEntity saved = exemptions.save(new ExemptionEntity(org.code(), item.code(), period,
                in.reason().strip(), actor.username(), Instant.now(clock)));
        publisher.publishEvent(new AuditedChange("obligation.exempt", "obligation",
                ObligationKey.of(org.code(), item.code(), period), in.reason().strip()));
        return saved.getId();
    }

    /** Withdraws an exemption; the obligation's status is computed again from the records. */
    public void revokeExemption(long id, Actor actor) {
        ExemptionEntity e = exemptions.findById(id)
                .orElseThrow(() -> new NotFoundProblem("没有编号为" + id + "的免予公开记录。"));
        if (!mayExempt(actor, e.getOrgCode())) {
            throw new AccessDeniedProblem("只有该机构或市政府办公室的分管领导（审批）可以撤销免予公开。");
        }
        exemptions.delete(e);
        publisher.publishEvent(new AuditedChange("obligation.exempt.revoke", "obligation", e.key(), e.getReason()));
    }

    public long recordEvent(NewEvent in, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        Organisation org = body(in.org(), errors);
        CatalogItem item = item(org, in.item(), errors);
        if (item != null && item.schedule().kind() != PublicationSchedule.Kind.EVENT) {
            errors.add(new FieldError("item", "事项“" + item.name() + "”" + item.schedule().describe()
                    + "，按期间公开，不需要登记事件。"));
        }
        LocalDate today = LocalDate.now(clock);
        if (in.occurredOn() == null) {
            errors.add(new FieldError("occurredOn", "请填写事件发生（信息形成）的日期。"));
        } else if (in.occurredOn().isAfter(today)) {
            errors.add(new FieldError("occurredOn", "事件日期不能晚于今天（" + today + "）。"));
        } else if (in.occurredOn().isBefore(properties.obligationsFrom())) {
            errors.add(new FieldError("occurredOn", "平台自" + properties.obligationsFrom() + "起督查公开义务，不能登记更早的事件。"));
        }
        if (in.description() == null || in.description().isBlank()) {
            errors.add(new FieldError("description", "请简要说明事件，例如“发布暴雨橙色预警”。"));
        } else if (in.description().strip().length() > 200) {
            errors.add(new FieldError("description", "事件说明不能超过200个字。"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        if (!mayRecordEvent(actor, org.code())) {
            throw new AccessDeniedProblem("只有" + org.name() + "或市政府办公室的工作人员可以登记该机构的事件。");
        }
        long id = save(org.code(), item.code(), in.occurredOn(), in.description().strip(), null, actor.username());
        publisher.publishEvent(new AuditedChange("obligation.event", "obligation",
                ObligationKey.of(org.code(), item.code(), ObligationKey.event(id)),
                in.occurredOn() + " " + in.description().strip()));
        return id;
    }

    /** Another module reported an event (a warning issued): recorded once, by the platform. */
    @EventListener
    public void on(DisclosureEventOccurred e) {
        if (e.sourceRef() != null && events.existsBySourceRef(e.sourceRef())) {
            return;
        }
        if (!organisations.exists(e.org()) || catalog.item(e.catalogItem()).isEmpty()) {
            throw new IllegalArgumentException("Unknown organisation or item in " + e);
        }
        save(e.org(), e.catalogItem(), e.occurredOn(), e.description(), e.sourceRef(), "system");
    }

    private long save(String org, String item, LocalDate on, String description, String source, String by) {
        long id = events.save(new DisclosureEventEntity(org, item, on, description, source, by, Instant.now(clock)))
                .getId();
        return id;
    }

    private Organisation body(String code, List<FieldError> errors) {
        if (code == null || code.isBlank()) {
            errors.add(new FieldError("org", "请选择机构。"));
            return null;
        }
        return organisations.find(code.strip()).orElseGet(() -> {
            errors.add(new FieldError("org", "没有代码为“" + code + "”的机构。"));
            return null;
        });
    }

    private CatalogItem item(Organisation org, String code, List<FieldError> errors) {
        if (code == null || code.isBlank()) {
            errors.add(new FieldError("item", "请选择目录事项。"));
            return null;
        }
        CatalogItem item = catalog.item(code.strip()).orElse(null);
        if (item == null) {
            errors.add(new FieldError("item", "目录中没有代码为“" + code + "”的事项。"));
        } else if (org != null && !bodies.responsible(org, item.code())) {
            errors.add(new FieldError("item", org.name() + "不负责事项“" + item.name() + "”，见其事项清单。"));
            return null;
        }
        return item;
    }

    private String obligationPeriod(CatalogItem item, NewExemption in, List<FieldError> errors) {
        if (item.schedule().kind() == PublicationSchedule.Kind.EVENT) {
            DisclosureEventEntity e = in.eventId() == null ? null : events.findById(in.eventId()).orElse(null);
            if (e == null || !e.getCatalogItem().equals(item.code()) || !e.getOrgCode().equals(in.org().strip())) {
                errors.add(new FieldError("eventId", "请指明该机构该事项已登记的事件。"));
                return null;
            }
            return ObligationKey.event(e.getId());
        }
        try {
            return ReportingPeriod.parse(in.period()).requireFits(item.schedule()).toString();
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("period", e.getMessage()));
            return null;
        }
    }
}
