package gongkai.account;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.criteria.Predicate;

import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gongkai.account.internal.AuditEventEntity;
import gongkai.account.internal.AuditEventRepository;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.AuditedChange;
import gongkai.shared.RequestOrigin;
import gongkai.shared.Role;

/**
 * 审计日志: who changed what, when and from where. Every module's {@link AuditedChange} lands here inside the
 * transaction of the change itself, so a change and its audit line commit or fail together.
 */
@Service
public class AuditTrail {

    /** Query of the trail; null members do not filter. Dates are China dates, inclusive. */
    public record Query(String actor, String targetType, String targetId, LocalDate from, LocalDate to) {
    }

    private static final int PAGE_SIZE = 50;

    private final AuditEventRepository repository;
    private final Clock clock;

    AuditTrail(AuditEventRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void on(AuditedChange change) {
        record(change.action(), change.targetType(), change.targetId(), change.detail());
    }

    /** Records an event by the current actor ("system" when nobody is signed in, e.g. at start-up). */
    @Transactional
    public void record(String action, String targetType, String targetId, String detail) {
        Actor actor = Actor.current().orElse(null);
        recordAs(actor == null ? "system" : actor.username(), actor == null ? null : actor.orgCode(), action,
                targetType, targetId, detail);
    }

    /** Records an event for a named user who is not (yet) signed in, e.g. a failed login. */
    @Transactional
    public void recordAs(String username, String orgCode, String action, String targetType, String targetId,
            String detail) {
        repository.save(new AuditEventEntity(Instant.now(clock), username, orgCode, action, targetType, targetId,
                detail, RequestOrigin.remoteAddress()));
    }

    /** Reads the trail: AUDITORs and the city office's ADMIN see everything, an organisation's ADMIN its own. */
    @Transactional(readOnly = true)
    public Page<AuditEntry> search(Query q, int page) {
        Actor actor = Actor.require();
        boolean all = actor.has(Role.AUDITOR) || actor.cityWide();
        if (!all && !actor.has(Role.ADMIN)) {
            throw new AccessDeniedProblem("只有督查人员和管理员可以查看审计日志。");
        }
        Specification<AuditEventEntity> spec = (root, query, cb) -> {
            List<Predicate> p = new ArrayList<>();
            if (!all) {
                p.add(cb.equal(root.get("actorOrg"), actor.orgCode()));
            }
            if (q.actor() != null && !q.actor().isBlank()) {
                p.add(cb.equal(root.get("actor"), q.actor().strip()));
            }
            if (q.targetType() != null && !q.targetType().isBlank()) {
                p.add(cb.equal(root.get("targetType"), q.targetType().strip()));
            }
            if (q.targetId() != null && !q.targetId().isBlank()) {
                p.add(cb.equal(root.get("targetId"), q.targetId().strip()));
            }
            if (q.from() != null) {
                p.add(cb.greaterThanOrEqualTo(root.get("at"), q.from().atStartOfDay(clock.getZone()).toInstant()));
            }
            if (q.to() != null) {
                p.add(cb.lessThan(root.get("at"), q.to().plusDays(1).atStartOfDay(clock.getZone()).toInstant()));
            }
            return cb.and(p.toArray(Predicate[]::new));
        };
        return repository.findAll(spec, PageRequest.of(Math.max(page, 0), PAGE_SIZE, Sort.by(Sort.Direction.DESC, "id")))
                .map(AuditEventEntity::toEntry);
    }
}
