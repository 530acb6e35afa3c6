package gongkai.org;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gongkai.org.internal.NameHistory;
import gongkai.org.internal.OrganisationEntity;
import gongkai.org.internal.OrganisationNameEntity;
import gongkai.org.internal.OrganisationNameRepository;
import gongkai.org.internal.OrganisationRepository;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.AuditedChange;
import gongkai.shared.ContactFormats;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.NotFoundProblem;
import gongkai.shared.Role;

/** The directory of organisations, their name history, and the admins' amendments. */
@Service
@Transactional(readOnly = true)
public class Organisations {

    private final OrganisationRepository repository;
    private final OrganisationNameRepository names;
    private final NameHistory nameHistory;
    private final ApplicationEventPublisher events;

    Organisations(OrganisationRepository repository, OrganisationNameRepository names, NameHistory nameHistory,
            ApplicationEventPublisher events) {
        this.repository = repository;
        this.names = names;
        this.nameHistory = nameHistory;
        this.events = events;
    }

    public List<Organisation> all() {
        return repository.findAllByOrderBySortOrderAscCodeAsc().stream().map(OrganisationEntity::toOrganisation).toList();
    }

    /** Current names by code, in the directory's order: for pages and views that show owners by name. */
    public Map<String, String> namesByCode() {
        Map<String, String> names = new LinkedHashMap<>();
        all().forEach(o -> names.put(o.code(), o.name()));
        return names;
    }

    public List<Organisation> inRegion(String regionCode) {
        return repository.findByRegionCodeOrderBySortOrderAsc(regionCode).stream()
                .map(OrganisationEntity::toOrganisation).toList();
    }

    public Optional<Organisation> find(String code) {
        return code == null ? Optional.empty() : repository.findById(code).map(OrganisationEntity::toOrganisation);
    }

    public Organisation get(String code) {
        return find(code).orElseThrow(() -> new NotFoundProblem("没有代码为“" + code + "”的机构。"));
    }

    public boolean exists(String code) {
        return code != null && repository.existsById(code);
    }

    public long count() {
        return repository.count();
    }

    /** Every name the organisation has borne, oldest first. */
    public List<OrganisationName> names(String code) {
        return names.findByOrgCodeOrderByIdAsc(code).stream().map(OrganisationNameEntity::toName).toList();
    }

    /** The name the organisation bore on the given day (its current name if the history has no entry for it). */
    public String nameOn(String code, LocalDate date) {
        return names(code).stream().filter(n -> n.appliesOn(date)).map(OrganisationName::name).findFirst()
                .orElseGet(() -> get(code).name());
    }

    /** Amends the public contacts and the credit code; the organisation's own ADMIN or the city office's. */
    @Transactional
    public Organisation amend(String code, OrganisationDetails details) {
        Actor actor = Actor.require();
        OrganisationEntity entity = repository.findById(code)
                .orElseThrow(() -> new NotFoundProblem("没有代码为“" + code + "”的机构。"));
        if (!actor.canActFor(code, Role.ADMIN)) {
            throw new AccessDeniedProblem("您只能修改本单位的信息。");
        }
        OrganisationDetails clean = validate(details);
        OrganisationDetails before = OrganisationDetails.of(entity.toOrganisation());
        String change = describeChange(before, clean);
        if (change.isEmpty()) {
            return entity.toOrganisation();
        }
        entity.amend(clean);
        events.publishEvent(new AuditedChange("org.amend", "organisation", code, change));
        return entity.toOrganisation();
    }

    /**
     * Renames an organisation from a date on (the city office's admin only). Records published before that date keep
     * the old name.
     */
    @Transactional
    public Organisation rename(String code, String newName, LocalDate effectiveFrom, String note) {
        Actor actor = Actor.require();
        if (!actor.cityWide() || !actor.has(Role.ADMIN)) {
            throw new AccessDeniedProblem("只有市政府办公室的管理员可以更改机构名称。");
        }
        OrganisationEntity entity = repository.findById(code)
                .orElseThrow(() -> new NotFoundProblem("没有代码为“" + code + "”的机构。"));
        if (newName == null || newName.isBlank() || newName.strip().length() > 200) {
            throw new InvalidInputProblem("name", "新名称不能为空，且不能超过200个字。");
        }
        if (effectiveFrom == null) {
            throw new InvalidInputProblem("effectiveFrom", "请填写新名称的启用日期。");
        }
        String old = entity.getName();
        nameHistory.rename(entity, newName.strip(), effectiveFrom, note);
        events.publishEvent(new AuditedChange("org.rename", "organisation", code,
                "名称：" + old + " → " + newName.strip() + "（自" + effectiveFrom + "起）"));
        return entity.toOrganisation();
    }

    private static OrganisationDetails validate(OrganisationDetails d) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!blank(d.liaisonPhone()) && !ContactFormats.isPhone(d.liaisonPhone())) {
            errors.put("liaisonPhone", "联络员电话格式不正确，请填写手机号码或带区号的固定电话。");
        }
        if (!blank(d.officePhone()) && !ContactFormats.isPhone(d.officePhone())) {
            errors.put("officePhone", "办公电话格式不正确，请填写带区号的固定电话或手机号码。");
        }
        if (!blank(d.liaisonEmail()) && !ContactFormats.isEmail(d.liaisonEmail())) {
            errors.put("liaisonEmail", "联络员电子邮箱格式不正确。");
        }
        if (!blank(d.creditCode()) && !ContactFormats.isCreditCode(d.creditCode().strip().toUpperCase())) {
            errors.put("creditCode", "统一社会信用代码不正确（应为18位，末位校验码须符合GB 32100）。");
        }
        if (!blank(d.leaderName()) && blank(d.leaderPost())) {
            errors.put("leaderPost", "请填写分管领导的职务。");
        }
        if (!errors.isEmpty()) {
            throw InvalidInputProblem.of(errors);
        }
        return new OrganisationDetails(strip(d.leaderName()), strip(d.leaderPost()), strip(d.liaisonName()),
                strip(d.liaisonPhone()), strip(d.liaisonEmail()), strip(d.address()), strip(d.officePhone()),
                strip(d.creditCode()).toUpperCase());
    }

    private static String describeChange(OrganisationDetails before, OrganisationDetails after) {
        List<String> parts = new ArrayList<>();
        compare(parts, "分管领导", before.leaderName(), after.leaderName());
        compare(parts, "分管领导职务", before.leaderPost(), after.leaderPost());
        compare(parts, "联络员", before.liaisonName(), after.liaisonName());
        compare(parts, "联络员电话", before.liaisonPhone(), after.liaisonPhone());
        compare(parts, "联络员邮箱", before.liaisonEmail(), after.liaisonEmail());
        compare(parts, "办公地址", before.address(), after.address());
        compare(parts, "办公电话", before.officePhone(), after.officePhone());
        compare(parts, "统一社会信用代码", before.creditCode(), after.creditCode());
        return String.join("；", parts);
    }

    private static void compare(List<String> parts, String label, String before, String after) {
        if (!Objects.equals(strip(before), strip(after))) {
            parts.add(label + "：" + (blank(before) ? "（空）" : before) + " → " + (blank(after) ? "（空）" : after));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
