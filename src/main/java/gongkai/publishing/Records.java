package gongkai.publishing;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gongkai.catalog.Audience;
import gongkai.catalog.Catalog;
import gongkai.catalog.CatalogItem;
import gongkai.publishing.internal.ContentHash;
import gongkai.publishing.internal.RecordAttachmentEntity;
import gongkai.publishing.internal.RecordAttachmentRepository;
import gongkai.publishing.internal.RecordEntity;
import gongkai.publishing.internal.RecordLookup;
import gongkai.publishing.internal.RecordRepository;
import gongkai.publishing.internal.RecordVersionEntity;
import gongkai.publishing.internal.RecordVersionRepository;
import gongkai.publishing.internal.RecordViews;
import gongkai.publishing.internal.RowsJson;
import gongkai.publishing.internal.TargetedAccessGuard;
import gongkai.region.Regions;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.NotFoundProblem;
import gongkai.shared.PlatformConfiguration;
import gongkai.shared.Role;

/**
 * Reading records, with the disclosure rules applied in one place: the public sees published versions of records
 * open to everyone, with personal fields masked; a targeted record only with its access code (or as its
 * organisation's staff); drafts only their organisation's staff.
 */
@Service
@Transactional(readOnly = true)
public class Records {

    /** The back office's queues. */
    public enum Queue {
        DRAFTS("草稿和退回", Role.EDITOR, RecordStatus.DRAFT, RecordStatus.REJECTED),
        /** The signed-in editor's own drafts sent back with a reason: theirs to correct. */
        RETURNED("退回给我的", Role.EDITOR, RecordStatus.REJECTED),
        TO_REVIEW("待审核", Role.REVIEWER, RecordStatus.SUBMITTED),
        TO_APPROVE("待审批", Role.APPROVER, RecordStatus.REVIEWED),
        SCHEDULED("定时发布", Role.APPROVER, RecordStatus.SCHEDULED),
        PUBLISHED("已发布", null, RecordStatus.PUBLISHED, RecordStatus.WITHDRAWN);

        private final String label;
        private final Role role;
        private final List<RecordStatus> statuses;

        Queue(String label, Role role, RecordStatus... statuses) {
            this.label = label;
            this.role = role;
            this.statuses = List.of(statuses);
        }

        public String label() {
            return label;
        }

        public Role role() {
            return role;
        }
    }

    private static final int MAX_PAGE_SIZE = 100;

    private final RecordRepository records;
    private final RecordVersionRepository versions;
    private final RecordAttachmentRepository attachments;
    private final RecordLookup lookup;
    private final TargetedAccessGuard accessGuard;
    private final RowsJson rowsJson;
    private final Catalog catalog;
    private final Regions regions;
    private final RecordViews views;

    Records(RecordRepository records, RecordVersionRepository versions, RecordAttachmentRepository attachments,
            RecordLookup lookup, TargetedAccessGuard accessGuard, RowsJson rowsJson, Catalog catalog, Regions regions,
            RecordViews views) {
        this.records = records;
        this.versions = versions;
        this.attachments = attachments;
        this.lookup = lookup;
        this.accessGuard = accessGuard;
        this.rowsJson = rowsJson;
        this.catalog = catalog;
        this.regions = regions;
        this.views = views;
    }

    /**
     * The record as the public page shows it: its latest published version, personal fields masked. A targeted
     * record needs its access code unless the viewer is its organisation's staff; an unpublished one is shown only
     * to its staff (as the working copy).
     */
    @Transactional
    public RecordView view(String ref, String accessCode) {
        return view(ref, accessCode, null);
    }

    /** One published version of the record's history, under the same rules. */
    @Transactional
    public RecordView view(String ref, String accessCode, Integer version) {
        RecordEntity record = lookup.find(ref).orElseThrow(() -> notFound(ref));
        boolean staff = RecordLookup.isStaff(Actor.current(), record);
        if (record.getPublishedVersion() == 0) {
            if (!staff) {
                throw notFound(ref);
            }
            return views.workingCopy(record, true);
        }
        if (!staff && record.getAudience() == Audience.TARGETED && !residentOf(record)) {
            if (accessCode == null || accessCode.isBlank()) {
                throw new TargetedAccessRequired(record.ref(), false);
            }
            if (!accessGuard.attempt(record, accessCode)) {
                throw new TargetedAccessRequired(record.ref(), true);
            }
        }
        int v = version == null ? record.getPublishedVersion() : version;
        RecordVersionEntity published = versions.findByRecordIdAndVersion(record.getId(), v)
                .orElseThrow(() -> new NotFoundProblem("该信息没有第" + v + "版。"));
        return views.published(record, published, staff);
    }

    /**
     * The index number of the published targeted record a 查阅码 typed alone opens, for the code box: it leads to that
     * record's page with the same code, so it grants exactly what the record's own code form grants. Empty for an
     * unknown or wrong code alike; every attempt counts against the same per-address limit as the record's form.
     */
    @Transactional(readOnly = true)
    public Optional<String> refForCode(String typed) {
        return accessGuard.attemptAlone(typed).flatMap(records::findById).map(RecordEntity::ref);
    }

    /**
     * Targeted records disclosed to the signed-in resident: published for their region or a region above it
     * (a township's list is for its villages too), newest first.
     */
    public List<RecordSummary> forResident() {
        Actor actor = Actor.require();
        if (!actor.isResident()) {
            throw new AccessDeniedProblem("只有经确认的居民可以查看本页。");
        }
        List<String> area = regions.path(actor.residentRegion()).stream().map(r -> r.code()).toList();
        Specification<RecordEntity> spec = (root, query, cb) -> cb.and(
                cb.greaterThan(root.get("publishedVersion"), 0),
                cb.notEqual(root.get("status"), RecordStatus.WITHDRAWN),
                cb.equal(root.get("content").get("audience"), Audience.TARGETED),
                root.get("content").get("regionCode").in(area));
        return records.findAll(spec, Sort.by(Sort.Direction.DESC, "lastPublishedAt")).stream().map(views::summary)
                .toList();
    }

    /** Whether the signed-in person is a confirmed resident of the record's region or of a region below it. */
    private boolean residentOf(RecordEntity record) {
        return Actor.current().filter(Actor::isResident)
                .map(a -> regions.path(a.residentRegion()).stream()
                        .anyMatch(r -> r.code().equals(record.content().region())))
                .orElse(false);
    }

    /**
     * Where a record stands in the review and, once public, its index number and first publication: for a module that
     * made the record on someone's behalf (the annual report) and follows it, with no content and no personal data.
     */
    public Optional<ReviewState> reviewState(String ref) {
        return lookup.find(ref).map(r -> new ReviewState(r.getStatus(), r.getIndexNo(), r.getFirstPublishedAt()));
    }

    /** See {@link #reviewState(String)}; indexNo and firstPublishedAt are null until the record is first published. */
    public record ReviewState(RecordStatus status, String indexNo, java.time.Instant firstPublishedAt) {
    }

    /** The internal id of a record by its index number or draft key, for modules that keep a reference to it. */
    @Transactional(readOnly = true)
    public Optional<Long> idOf(String ref) {
        return lookup.find(ref).map(RecordEntity::getId);
    }

    /** The headlines of the records with these ids, by id; unknown ids are left out. */
    @Transactional(readOnly = true)
    public Map<Long, RecordHeadline> headlines(java.util.Collection<Long> ids) {
        Map<Long, RecordHeadline> found = new java.util.HashMap<>();
        for (RecordEntity r : records.findAllById(ids)) {
            RecordEntity.WorkingCopy c = r.content();
            String title = c.title();
            String summary = c.summary();
            if (r.getPublishedVersion() > 0) {
                var published = versions.findByRecordIdAndVersion(r.getId(), r.getPublishedVersion()).orElseThrow()
                        .getContent();
                title = published.title();
                summary = published.summary();
            }
            found.put(r.getId(), new RecordHeadline(r.getId(), r.ref(), r.getIndexNo(), r.getStatus(),
                    RecordLookup.isOpenToEveryone(r) && r.getPublishedVersion() > 0
                            && r.getStatus() != RecordStatus.WITHDRAWN, title, summary, r.getFirstPublishedAt()));
        }
        return found;
    }

    /** The working copy with full personal data, for the record's organisation's staff. */
    public RecordView workingCopy(String ref) {
        RecordEntity record = lookup.require(ref);
        if (!RecordLookup.isStaff(Actor.current(), record)) {
            throw new AccessDeniedProblem("只有本单位工作人员可以查看未发布的内容。");
        }
        return views.workingCopy(record, false);
    }

    /** Published records open to everyone, newest first; targeted ones never appear here. */
    public Page<RecordSummary> published(RecordFilter filter, int page, int size) {
        Specification<RecordEntity> spec = (root, query, cb) -> {
            List<Predicate> p = new ArrayList<>();
            p.add(openToEveryone().toPredicate(root, query, cb));
            if (filter.org() != null && !filter.org().isBlank()) {
                p.add(cb.equal(root.get("orgCode"), filter.org()));
            }
            if (filter.item() != null && !filter.item().isBlank()) {
                p.add(cb.equal(root.get("catalogItem"), filter.item()));
            }
            if (filter.domain() != null && !filter.domain().isBlank()) {
                List<String> items = catalog.domain(filter.domain()).map(d -> d.items().stream()
                        .map(CatalogItem::code).toList()).orElse(List.of("-"));
                p.add(root.get("catalogItem").in(items));
            }
            if (filter.region() != null && !filter.region().isBlank()) {
                p.add(root.get("content").get("regionCode").in(regions.selfAndDescendants(filter.region())));
            }
            ZoneId zone = PlatformConfiguration.CHINA;
            if (filter.from() != null) {
                p.add(cb.greaterThanOrEqualTo(root.get("lastPublishedAt"), filter.from().atStartOfDay(zone).toInstant()));
            }
            if (filter.to() != null) {
                p.add(cb.lessThan(root.get("lastPublishedAt"), filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
            }
            return cb.and(p.toArray(Predicate[]::new));
        };
        return records.findAll(spec, PageRequest.of(Math.max(0, page), Math.min(Math.max(1, size), MAX_PAGE_SIZE),
                Sort.by(Sort.Direction.DESC, "lastPublishedAt", "id"))).map(views::summary);
    }

    /** A back-office queue for the signed-in user: their organisation's records in that state (all for the city). */
    public Page<RecordSummary> queue(Queue queue, int page) {
        return queue(queue, page, null);
    }

    /**
     * A queue narrowed to records whose title or index number contains {@code words} (a clerk looking for the record
     * whose notice to print, say); blank: the whole queue.
     */
    public Page<RecordSummary> queue(Queue queue, int page, String words) {
        Actor actor = Actor.require();
        PageRequest request = PageRequest.of(Math.max(0, page), 50);
        if (words != null && !words.isBlank()) {
            String like = "%" + words.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%";
            Specification<RecordEntity> spec = (root, query, cb) -> {
                List<Predicate> p = new ArrayList<>();
                p.add(root.get("status").in(queue.statuses));
                if (queue == Queue.RETURNED) {
                    p.add(cb.equal(root.get("createdBy"), actor.username()));
                } else if (!actor.cityWide() && !actor.has(Role.AUDITOR)) {
                    p.add(cb.equal(root.get("orgCode"), actor.orgCode()));
                }
                p.add(cb.or(cb.like(cb.lower(root.get("content").get("title")), like, '\\'),
                        cb.like(cb.lower(root.get("indexNo")), like, '\\')));
                return cb.and(p.toArray(Predicate[]::new));
            };
            return records.findAll(spec, PageRequest.of(Math.max(0, page), 50,
                    org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Direction.DESC,
                            "updatedAt"))).map(views::summary);
        }
        if (queue == Queue.RETURNED) {
            return records.findByStatusInAndCreatedByOrderByUpdatedAtDesc(queue.statuses, actor.username(), request)
                    .map(views::summary);
        }
        if (actor.cityWide() || actor.has(Role.AUDITOR)) {
            return records.findByStatusInOrderByUpdatedAtDesc(queue.statuses, request).map(views::summary);
        }
        return records.findByStatusInAndOrgCodeInOrderByUpdatedAtDesc(queue.statuses, List.of(actor.orgCode()),
                request).map(views::summary);
    }

    /** How many records wait in each queue the signed-in user works in. */
    public Map<Queue, Long> counts() {
        Actor actor = Actor.require();
        Map<Queue, Long> counts = new EnumMap<>(Queue.class);
        for (Queue q : Queue.values()) {
            if (q.role != null && !actor.has(q.role) && !actor.cityWide()) {
                continue;
            }
            long n = 0;
            if (q == Queue.RETURNED) {
                if (actor.has(Role.EDITOR)) {
                    counts.put(q, records.countByStatusAndCreatedBy(RecordStatus.REJECTED, actor.username()));
                }
                continue;
            }
            for (RecordStatus s : q.statuses) {
                n += actor.cityWide() || actor.has(Role.AUDITOR) ? records.countByStatus(s)
                        : records.countByStatusAndOrgCodeIn(s, List.of(actor.orgCode()));
            }
            counts.put(q, n);
        }
        return counts;
    }

    /** An attachment's hash, name and type, if the viewer may see the record it belongs to. */
    @Transactional
    public Attachment attachment(String ref, String sha256, String accessCode) {
        RecordView view = view(ref, accessCode);
        return view.attachments().stream().filter(a -> a.sha256().equals(sha256)).findFirst()
                .orElseThrow(() -> new NotFoundProblem("该信息没有这个附件。"));
    }

    /** An attachment of the working copy, for the staff who may see that working copy (reviewers read drafts). */
    @Transactional
    public Attachment workingAttachment(String ref, String sha256) {
        return workingCopy(ref).attachments().stream().filter(a -> a.sha256().equals(sha256)).findFirst()
                .orElseThrow(() -> new NotFoundProblem("该信息没有这个附件。"));
    }

    /**
     * The extracted text of the attachments of a record's published version, for full-text search; empty for a
     * record not open to everyone.
     */
    public List<String> attachmentTexts(String ref) {
        RecordEntity record = lookup.require(ref);
        if (!RecordLookup.isOpenToEveryone(record)) {
            return List.of();
        }
        Set<String> published = versions.findByRecordIdAndVersion(record.getId(), record.getPublishedVersion())
                .map(v -> rowsJson.readValue(v.getAttachmentsJson(), ContentHash.FILES).stream()
                        .map(m -> m.get("sha256")).collect(Collectors.toSet()))
                .orElse(Set.of());
        return attachments.findByRecordIdOrderByPositionAsc(record.getId()).stream()
                .filter(a -> published.contains(a.toAttachment().sha256()) && a.getExtractedText() != null)
                .map(RecordAttachmentEntity::getExtractedText).toList();
    }

    /** Index numbers of every published record open to everyone (not withdrawn), for rebuilding the search index. */
    public List<String> publicIndexNumbers() {
        return records.findAll(openToEveryone()).stream().map(RecordEntity::getIndexNo).toList();
    }

    /** How many published records are open to everyone (not withdrawn): what the search index should hold. */
    public long countOpenToEveryone() {
        return records.count(openToEveryone());
    }

    /**
     * The current published versions of records open to everyone with an id after {@code afterRecordId}, at most
     * {@code limit}, by id: walked page by page, it lists what the search index should hold without loading texts.
     */
    public List<PublicVersion> publicVersions(long afterRecordId, int limit) {
        return records.findPublicVersions(afterRecordId, RecordStatus.WITHDRAWN, Audience.PUBLIC, Limit.of(limit));
    }

    private static Specification<RecordEntity> openToEveryone() {
        return (root, query, cb) -> cb.and(cb.greaterThan(root.get("publishedVersion"), 0),
                cb.notEqual(root.get("status"), RecordStatus.WITHDRAWN),
                cb.equal(root.get("content").get("audience"), Audience.PUBLIC));
    }

    /**
     * The other published records whose pages name this one: the policy it interprets and its interpretations. An
     * interpretation may be published after its policy, and a revision may change its title, so their pages change
     * with it.
     */
    public List<String> linkedIndexNumbers(String indexNo) {
        return records.findByIndexNo(indexNo).map(r -> {
            List<RecordEntity> linked = new ArrayList<>(records.findByInterpretationOf(r.getId()));
            Optional.ofNullable(r.content().interpretationOf()).flatMap(records::findById).ifPresent(linked::add);
            return linked.stream().filter(x -> x.getPublishedVersion() > 0).map(RecordEntity::getIndexNo).toList();
        }).orElse(List.of());
    }

    /**
     * The code of the organisation whose record has this index number, whatever the record's state; empty when there
     * is none. For checks that name a record (a supervision finding), not for showing it: it applies no access rule.
     */
    public Optional<String> organisationOf(String indexNo) {
        return indexNo == null || indexNo.isBlank() ? Optional.empty()
                : records.findByIndexNo(indexNo.strip()).map(RecordEntity::getOrgCode);
    }

    /**
     * The region code of the published version of a record open to everyone; empty for an unknown, unpublished,
     * withdrawn or targeted record, or one without a region. Cheap (one column), for pages that narrow what they show
     * around a record (the warning banner) without loading it; a targeted record's region is not told.
     */
    public Optional<String> publicRegionOf(String indexNo) {
        return indexNo == null || indexNo.isBlank() ? Optional.empty()
                : records.findPublishedRegion(indexNo.strip(), RecordStatus.WITHDRAWN, Audience.PUBLIC);
    }

    /**
     * The public content of a published version (see {@link PublishedContent}), as stored now. For integrity checks
     * (the ledger): it applies no access rule, so a targeted record's content must not be shown from here.
     */
    public Optional<PublishedContent> publishedContent(String indexNo, int version) {
        return records.findByIndexNo(indexNo).flatMap(r -> versions.findByRecordIdAndVersion(r.getId(), version)
                .map(v -> views.publishedContent(r, v)));
    }

    /**
     * Every record that has been published (withdrawn ones included), in a stable order: up to {@code limit} of
     * them after the one with {@code afterRecordId} (0 for the start).
     */
    public List<PublicationState> publicationStates(long afterRecordId, int limit) {
        return records.findByPublishedVersionGreaterThanAndIdGreaterThanOrderByIdAsc(0, afterRecordId,
                Limit.of(limit)).stream().map(r -> new PublicationState(r.getId(), r.getIndexNo(),
                        r.getPublishedVersion(), r.getStatus() == RecordStatus.WITHDRAWN,
                        r.getWithdrawnAt() != null ? r.getWithdrawnAt() : r.getLastPublishedAt())).toList();
    }

    /** For the printable notice: the published, masked view and the access code, to its organisation's staff. */
    @Transactional
    public RecordView forNotice(String ref) {
        RecordEntity record = lookup.require(ref);
        if (!RecordLookup.isStaff(Actor.current(), record)) {
            throw new AccessDeniedProblem("只有本单位工作人员可以打印公示。");
        }
        if (record.getPublishedVersion() == 0) {
            throw new NotFoundProblem("信息发布后才能打印公示。");
        }
        return view(ref, null);
    }

    /**
     * For push (module notify), outside any request: a published version as its public page shows it (personal
     * fields masked), with a targeted record's access code, which its SMS to the residents carries.
     */
    @Transactional(readOnly = true)
    public RecordView forPush(String indexNo, int version) {
        RecordEntity record = lookup.find(indexNo).orElseThrow(() -> notFound(indexNo));
        RecordVersionEntity published = versions.findByRecordIdAndVersion(record.getId(), version)
                .orElseThrow(() -> new NotFoundProblem("该信息没有第" + version + "版。"));
        return views.published(record, published, record.getAudience() == Audience.TARGETED);
    }

    private static NotFoundProblem notFound(String ref) {
        return new NotFoundProblem("没有索引号为“" + ref + "”的已公开政府信息。");
    }
}
