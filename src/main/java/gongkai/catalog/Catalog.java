package gongkai.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import gongkai.catalog.internal.CatalogStore;
import gongkai.org.Organisation;
import gongkai.org.Organisations;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.AuditedChange;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.NotFoundProblem;
import gongkai.shared.Role;

/**
 * The disclosure catalogue. Reads come from an in-memory copy (the catalogue is small and read on every page);
 * the copy is dropped after each amendment commits and at most {@link #MAX_AGE} after another node's amendment.
 */
@Service
@Transactional(readOnly = true)
public class Catalog {

    static final Duration MAX_AGE = Duration.ofSeconds(30);

    private record Snapshot(List<CatalogDomain> domains, Map<String, CatalogItem> items, Instant takenAt) {
    }

    private final CatalogStore store;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private volatile Snapshot snapshot;

    Catalog(CatalogStore store, Organisations organisations, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.organisations = organisations;
        this.events = events;
        this.clock = clock;
    }

    public List<CatalogDomain> domains() {
        return current().domains();
    }

    public Optional<CatalogDomain> domain(String code) {
        return domains().stream().filter(d -> d.code().equals(code)).findFirst();
    }

    public CatalogDomain requireDomain(String code) {
        return domain(code).orElseThrow(() -> new NotFoundProblem("没有代码为“" + code + "”的公开领域。"));
    }

    public Optional<CatalogItem> item(String code) {
        return Optional.ofNullable(code).map(c -> current().items().get(c));
    }

    public CatalogItem requireItem(String code) {
        return item(code).orElseThrow(() -> new NotFoundProblem("目录中没有代码为“" + code + "”的事项。"));
    }

    public List<CatalogItem> items() {
        return List.copyOf(current().items().values());
    }

    /**
     * Items an organisation is responsible for ({@link CatalogItem#ownedBy}): named owners, county bodies for items
     * with county owners, institutions for their sector's items.
     */
    public List<CatalogItem> itemsOwnedBy(Organisation org) {
        return items().stream().filter(i -> !i.retired() && i.ownedBy(org)).toList();
    }

    public SubjectClassification subjectClasses() {
        return store.subjectClasses();
    }

    /** Amends an item (city office admin only); every changed attribute is written to the audit trail. */
    @Transactional
    public CatalogItem amendItem(String code, ItemAmendment amendment) {
        requireCityAdmin();
        CatalogItem before = requireItem(code);
        CatalogItem after = validate(before, amendment);
        String change = describe(before, after);
        if (change.isEmpty()) {
            return before;
        }
        store.saveItem(after);
        events.publishEvent(new AuditedChange("catalog.item.amend", "catalog-item", code, change));
        events.publishEvent(new CatalogItemChanged(code, after.contentSha256(), Instant.now(clock)));
        refreshAfterCommit();
        return after;
    }

    /** Adds a field to an item's schema, or redefines the field of that name. */
    @Transactional
    public CatalogItem amendField(String code, FieldAmendment field) {
        requireCityAdmin();
        CatalogItem item = requireItem(code);
        CatalogField next = validateField(item, field);
        Optional<CatalogField> old = item.fields().stream().filter(f -> f.name().equals(next.name())).findFirst();
        if (old.isPresent() && old.get().equals(next)) {
            return item;
        }
        store.saveField(code, next, item.fields().size());
        events.publishEvent(new AuditedChange(old.isPresent() ? "catalog.field.amend" : "catalog.field.add",
                "catalog-item", code, "字段“" + next.name() + "”：" + old.map(Catalog::describeField).orElse("（新增）")
                        + " → " + describeField(next)));
        CatalogItem after = requireItemFresh(code);
        events.publishEvent(new CatalogItemChanged(code, after.contentSha256(), Instant.now(clock)));
        refreshAfterCommit();
        return after;
    }

    private CatalogItem requireItemFresh(String code) {
        snapshot = null;
        return requireItem(code);
    }

    private CatalogItem validate(CatalogItem before, ItemAmendment a) {
        Map<String, String> errors = new LinkedHashMap<>();
        PublicationSchedule schedule = null;
        try {
            schedule = PublicationSchedule.parse(a.schedule());
        } catch (IllegalArgumentException e) {
            errors.put("schedule", e.getMessage());
        }
        if (!subjectClasses().isValid(a.subjectClass())) {
            errors.put("subjectClass", "主题分类“" + a.subjectClass() + "”不在国务院主题分类中。");
        }
        List<String> owners = clean(a.ownerOrgs());
        List<String> unknown = owners.stream().filter(o -> !organisations.exists(o)).toList();
        if (!unknown.isEmpty()) {
            errors.put("ownerOrgs", "责任单位代码不存在：" + String.join("、", unknown));
        }
        if (owners.isEmpty() && !a.countyOwners() && before.ownerSectors().isEmpty()) {
            errors.put("ownerOrgs", "至少要有一个责任单位。");
        }
        if (!errors.isEmpty()) {
            throw InvalidInputProblem.of(errors);
        }
        return new CatalogItem(before.code(), before.domainCode(), a.name().strip(), a.audience(), schedule, owners,
                a.countyOwners(), before.ownerSectors(), nz(a.content()), nz(a.legalBasis()), a.subjectClass(), clean(a.channels()),
                before.computed(), before.lists(), before.fields(), a.retired(), a.policyDocument());
    }

    private static CatalogField validateField(CatalogItem item, FieldAmendment f) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> choices = clean(f.choices());
        if (f.type() == FieldType.CHOICE && choices.size() < 2) {
            errors.put("choices", "选项类字段至少要有两个选项。");
        }
        String unit = f.unitField() == null || f.unitField().isBlank() ? null : f.unitField().strip();
        if (unit != null && item.fields().stream().noneMatch(x -> x.name().equals(unit))) {
            errors.put("unitField", "计量单位字段“" + unit + "”不在该事项的字段中。");
        }
        if (!errors.isEmpty()) {
            throw InvalidInputProblem.of(errors);
        }
        return new CatalogField(f.name().strip(), f.type(), f.required(), f.personal(),
                f.type() == FieldType.CHOICE ? choices : List.of(), unit);
    }

    private static String describe(CatalogItem b, CatalogItem a) {
        List<String> parts = new ArrayList<>();
        diff(parts, "名称", b.name(), a.name());
        diff(parts, "公开范围", b.audience().label(), a.audience().label());
        diff(parts, "公开时限", b.schedule().code(), a.schedule().code());
        diff(parts, "公开内容要素", b.content(), a.content());
        diff(parts, "依据", b.legalBasis(), a.legalBasis());
        diff(parts, "主题分类", b.subjectClass(), a.subjectClass());
        diff(parts, "公开渠道", String.join("、", b.channels()), String.join("、", a.channels()));
        diff(parts, "责任单位", String.join("、", b.ownerOrgs()), String.join("、", a.ownerOrgs()));
        diff(parts, "各县（市、区）负责", b.countyOwners() ? "是" : "否", a.countyOwners() ? "是" : "否");
        diff(parts, "停用", b.retired() ? "是" : "否", a.retired() ? "是" : "否");
        diff(parts, "政策文件（须同步解读）", b.policyDocument() ? "是" : "否", a.policyDocument() ? "是" : "否");
        return String.join("；", parts);
    }

    private static void diff(List<String> parts, String label, String before, String after) {
        if (!before.equals(after)) {
            parts.add(label + "：" + before + " → " + after);
        }
    }

    private static String describeField(CatalogField f) {
        return f.type().label() + (f.required() ? "，必填" : "，选填") + (f.personal() ? "，个人信息" : "")
                + (f.choices().isEmpty() ? "" : "，选项：" + String.join("/", f.choices()));
    }

    private void requireCityAdmin() {
        Actor actor = Actor.require();
        if (!actor.cityWide() || !actor.has(Role.ADMIN)) {
            throw new AccessDeniedProblem("只有市政府办公室的管理员可以修改公开目录。");
        }
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || Duration.between(s.takenAt(), Instant.now()).compareTo(MAX_AGE) > 0) {
            List<CatalogDomain> domains = store.loadDomains();
            Map<String, CatalogItem> items = new LinkedHashMap<>();
            domains.forEach(d -> d.items().forEach(i -> items.put(i.code(), i)));
            s = new Snapshot(domains, items, Instant.now());
            snapshot = s;
        }
        return s;
    }

    /**
     * Forgets the snapshot once the reference loader has written catalog.yaml's rows, so that a page asked for while
     * the node was still starting (a load balancer's probe, an impatient reader) cannot leave an empty catalogue in
     * memory for {@link #MAX_AGE} — long enough for the demo loader after it to find no item at all.
     */
    public void referenceLoaded() {
        refreshAfterCommit();
    }

    private void refreshAfterCommit() {
        snapshot = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    snapshot = null;
                }
            });
        }
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of()
                : values.stream().map(String::strip).filter(v -> !v.isEmpty()).distinct()
                        .collect(Collectors.toList());
    }

    private static String nz(String s) {
        return s == null ? "" : s.strip();
    }
}
