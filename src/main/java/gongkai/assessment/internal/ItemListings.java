package gongkai.assessment.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gongkai.catalog.Catalog;
import gongkai.catalog.CatalogItem;
import gongkai.org.Organisation;
import gongkai.org.Organisations;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.AuditedChange;
import gongkai.shared.ConflictProblem;
import gongkai.shared.GongkaiProperties;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.InvalidInputProblem.FieldError;
import gongkai.shared.NotFoundProblem;
import gongkai.shared.Role;

/**
 * 事项清单: each body's items, the city catalogue's plus the sub-items it proposed and the city office approved. A body's
 * ADMIN or APPROVER proposes; the city office's ADMIN approves or rejects; both audited.
 */
@Service
@Transactional
public class ItemListings {

    private final SubItemRepository subItems;
    private final ResponsibleBodies bodies;
    private final Catalog catalog;
    private final Organisations organisations;
    private final GongkaiProperties platform;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    ItemListings(SubItemRepository subItems, ResponsibleBodies bodies, Catalog catalog, Organisations organisations,
            GongkaiProperties platform, ApplicationEventPublisher publisher, Clock clock) {
        this.subItems = subItems;
        this.bodies = bodies;
        this.catalog = catalog;
        this.organisations = organisations;
        this.platform = platform;
        this.publisher = publisher;
        this.clock = clock;
    }

    public record NewSubItem(String org, String parentItem, String name, String content) {
    }

    @Transactional(readOnly = true)
    public List<SubItemEntity> approvedOf(String org) {
        return subItems.findByOrgCodeAndStatusOrderByParentItemAscIdAsc(org, SubItemEntity.Status.APPROVED);
    }

    @Transactional(readOnly = true)
    public List<SubItemEntity> allOf(String org) {
        return subItems.findByOrgCodeOrderByIdDesc(org);
    }

    @Transactional(readOnly = true)
    public List<SubItemEntity> awaitingDecision() {
        return subItems.findByStatusOrderByIdAsc(SubItemEntity.Status.PROPOSED);
    }

    public boolean mayPropose(Actor actor, String org) {
        return (actor.has(Role.ADMIN) || actor.has(Role.APPROVER)) && org.equals(actor.orgCode());
    }

    public boolean mayDecide(Actor actor) {
        return actor.has(Role.ADMIN) && platform.cityOffice().equals(actor.orgCode());
    }

    public long propose(NewSubItem in, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        Organisation org = in.org() == null ? null : organisations.find(in.org().strip()).orElse(null);
        if (org == null) {
            errors.add(new FieldError("org", "没有代码为“" + in.org() + "”的机构。"));
        }
        CatalogItem parent = in.parentItem() == null ? null : catalog.item(in.parentItem().strip()).orElse(null);
        if (parent == null) {
            errors.add(new FieldError("parentItem", "请选择本机构负责的一个市级目录事项。"));
        } else if (org != null && !bodies.responsible(org, parent.code())) {
            errors.add(new FieldError("parentItem", org.name() + "不负责事项“" + parent.name() + "”，不能在其下细化。"));
        }
        String name = in.name() == null ? "" : in.name().strip();
        if (name.length() < 2 || name.length() > 100) {
            errors.add(new FieldError("name", "细化事项名称应为2至100个字。"));
        }
        String content = in.content() == null ? "" : in.content().strip();
        if (content.isEmpty() || content.length() > 1000) {
            errors.add(new FieldError("content", "请写明公开内容（不超过1000个字）。"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        if (!mayPropose(actor, org.code())) {
            throw new AccessDeniedProblem("只有" + org.name() + "的管理员或分管领导可以为本机构细化事项。");
        }
        if (subItems.existsByOrgCodeAndParentItemAndNameAndStatusNot(org.code(), parent.code(), name,
                SubItemEntity.Status.REJECTED)) {
            throw new ConflictProblem("本机构在该事项下已有名为“" + name + "”的细化事项。");
        }
        SubItemEntity saved = subItems.save(new SubItemEntity(org.code(), parent.code(), name, content,
                actor.username(), Instant.now(clock)));
        publisher.publishEvent(new AuditedChange("catalog.subitem.propose", "sub-item", String.valueOf(saved.getId()),
                org.code() + " " + parent.code() + " " + name));
        return saved.getId();
    }

    public void decide(long id, boolean approve, String note, Actor actor) {
        if (!mayDecide(actor)) {
            throw new AccessDeniedProblem("只有市政府办公室的管理员可以审核细化事项。");
        }
        SubItemEntity s = subItems.findById(id).orElseThrow(() -> new NotFoundProblem("没有编号为" + id + "的细化事项。"));
        if (!approve && (note == null || note.isBlank())) {
            throw new InvalidInputProblem("note", "不予通过时请写明理由。");
        }
        s.decide(approve, note == null ? null : note.strip(), actor.username(), Instant.now(clock));
        publisher.publishEvent(new AuditedChange(approve ? "catalog.subitem.approve" : "catalog.subitem.reject",
                "sub-item", String.valueOf(id), note == null ? "" : note.strip()));
    }
}
