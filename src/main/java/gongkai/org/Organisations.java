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

import gongkai.org.internal.DemoOffice;
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
import gongkai.region.Regions;
import gongkai.shared.GongkaiProperties;
import gongkai.shared.NotFoundProblem;
import gongkai.shared.PlatformConfiguration;
import gongkai.shared.Role;

/** The directory of organisations, their name history, and the admins' amendments. */
@Service
@Transactional(readOnly = true)
public class Organisations {

    private final OrganisationRepository repository;
    private final OrganisationNameRepository names;
    private final NameHistory nameHistory;
    private final ApplicationEventPublisher events;
    private final Regions regions;
    private final GongkaiProperties properties;

    Organisations(OrganisationRepository repository, OrganisationNameRepository names, NameHistory nameHistory,
            ApplicationEventPublisher events, Regions regions, GongkaiProperties properties) {
        this.repository = repository;
        this.names = names;
        this.nameHistory = nameHistory;
        this.events = events;
        this.regions = regions;
        this.properties = properties;
    }

    /**
     * The bodies that disclose information, in the directory's order. The key-pollutant enterprises (which hold
     * accounts only to upload their monitoring results) are left out: see {@link #enterprises()}.
     */
    public List<Organisation> all() {
        return repository.findAllByOrderBySortOrderAscCodeAsc().stream().map(OrganisationEntity::toOrganisation)
                .filter(o -> o.kind().disclosesInformation()).toList();
    }

    /** The key-pollutant enterprises (重点排污单位), in the order they were registered. */
    public List<Organisation> enterprises() {
        return repository.findAllByOrderBySortOrderAscCodeAsc().stream().map(OrganisationEntity::toOrganisation)
                .filter(o -> o.kind() == OrganisationKind.ENTERPRISE).toList();
    }

    /** Current names by code, in the directory's order: for pages and views that show owners by name. */
    public Map<String, String> namesByCode() {
        Map<String, String> names = new LinkedHashMap<>();
        all().forEach(o -> names.put(o.code(), o.name()));
        return names;
    }

    public List<Organisation> inRegion(String regionCode) {
        return repository.findByRegionCodeOrderBySortOrderAsc(regionCode).stream()
                .map(OrganisationEntity::toOrganisation).filter(o -> o.kind().disclosesInformation()).toList();
    }

    /** The institutions and social organisations a government body supervises (所监管单位), in directory order. */
    public List<Organisation> regulatedBy(String regulatorCode) {
        return regulatorCode == null ? List.of()
                : repository.findByRegulatorOrderBySortOrderAscCodeAsc(regulatorCode).stream()
                        .map(OrganisationEntity::toOrganisation).filter(o -> o.kind().disclosesInformation()).toList();
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

    /** How many bodies disclose information (enterprises not counted). */
    public long count() {
        return all().size();
    }

    /** The day (China time) the organisation's data last changed: what a text generated from them is as of. */
    public LocalDate updatedOn(String code) {
        OrganisationEntity entity = repository.findById(code)
                .orElseThrow(() -> new NotFoundProblem("没有代码为“" + code + "”的机构。"));
        return entity.updatedAt().atZone(PlatformConfiguration.CHINA).toLocalDate();
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

    /**
     * Registers a public institution or social organisation under its regulator (the city office's admin only).
     * Every bad field is reported at once and nothing is stored.
     */
    @Transactional
    public Organisation register(NewInstitution in) {
        return register(in, false);
    }

    /**
     * Registers a fictitious institution for the demo profile, marked 示例数据, with fictitious contacts; the same
     * rules as {@link #register(NewInstitution)}. Refused outside the demo profile.
     */
    @Transactional
    public Organisation registerDemo(NewInstitution in, Organisation.Leader leader, String liaisonName,
            String liaisonPhone) {
        if (!properties.demo()) {
            throw new AccessDeniedProblem("只有演示环境可以登记示例机构。");
        }
        Organisation org = register(in, true);
        OrganisationEntity entity = repository.findById(org.code()).orElseThrow();
        entity.setDemoContacts(leader.name(), leader.post(), liaisonName, liaisonPhone);
        entity.setDemoOffice(DemoOffice.of(org, regions.get(org.regionCode()).name(), entity.getSortOrder()));
        return entity.toOrganisation();
    }

    private Organisation register(NewInstitution in, boolean demo) {
        Actor actor = Actor.require();
        if (!actor.cityWide() || !actor.has(Role.ADMIN)) {
            throw new AccessDeniedProblem("只有市政府办公室的管理员可以登记公共企事业单位和社会组织。");
        }
        InstitutionSector sector = validate(in);
        int order = repository.findTopByOrderBySortOrderDesc().map(OrganisationEntity::getSortOrder).orElse(0) + 1;
        OrganisationEntity entity = repository.save(OrganisationEntity.institution(in.code().strip(),
                in.name().strip(), sector, in.region().strip(), in.regulator().strip(), demo, order));
        nameHistory.begin(entity);
        Organisation org = entity.toOrganisation();
        events.publishEvent(new AuditedChange("org.register", "organisation", org.code(),
                "登记" + org.kind().label() + "：" + org.name() + "，行业 " + sector.label() + "，区划 " + org.regionCode()
                        + "，主管部门 " + get(org.regulator()).name() + (demo ? "（示例数据）" : "")));
        return org;
    }

    /**
     * Registers a key-pollutant enterprise (重点排污单位) under its regulator, the environment bureau: by the city
     * office's admin or by an editor or approver of the regulator. Its code is derived from the credit code, which
     * the caller has validated. Audited.
     */
    @Transactional
    public Organisation registerEnterprise(String code, String name, String creditCode, String region,
            String regulator, boolean demo) {
        Actor actor = Actor.require();
        boolean allowed = (actor.cityWide() && actor.has(Role.ADMIN)) || actor.canActFor(regulator, Role.EDITOR)
                || actor.canActFor(regulator, Role.APPROVER);
        if (!allowed) {
            throw new AccessDeniedProblem("重点排污单位由市政府办公室的管理员或生态环境部门的信息员、审核人登记。");
        }
        if (repository.existsById(code)) {
            throw new InvalidInputProblem("creditCode", "统一社会信用代码为“" + creditCode + "”的单位已登记。");
        }
        if (!regions.exists(region)) {
            throw new InvalidInputProblem("region", "区划代码“" + region + "”不存在。");
        }
        int order = repository.findTopByOrderBySortOrderDesc().map(OrganisationEntity::getSortOrder).orElse(0) + 1;
        OrganisationEntity entity = repository.save(OrganisationEntity.enterprise(code, name, creditCode, region,
                regulator, demo, order));
        nameHistory.begin(entity);
        Organisation org = entity.toOrganisation();
        events.publishEvent(new AuditedChange("org.register", "organisation", org.code(),
                "登记" + org.kind().label() + "：" + org.name() + "，统一社会信用代码 " + creditCode + "，区划 " + region
                        + "，主管部门 " + get(regulator).name() + (demo ? "（示例数据）" : "")));
        return org;
    }

    private InstitutionSector validate(NewInstitution in) {
        Map<String, String> errors = new LinkedHashMap<>();
        String code = strip(in.code());
        if (!code.matches("[a-z][a-z0-9]{2,39}")) {
            errors.put("code", "机构代码应为3至40位小写字母或数字，以字母开头。");
        } else if (code.equals("new") || repository.existsById(code)) {
            errors.put("code", "机构代码“" + code + "”已被使用。");
        }
        if (blank(in.name()) || in.name().strip().length() > 200) {
            errors.put("name", "名称不能为空，且不能超过200个字。");
        }
        OrganisationKind kind = null;
        try {
            kind = OrganisationKind.valueOf(strip(in.kind()).toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (kind == null || !kind.isInstitution()) {
            errors.put("kind", "机构类别只能是公共企事业单位（PUBLIC_INSTITUTION）或社会组织（SOCIAL_ORGANISATION）。");
        }
        InstitutionSector sector = InstitutionSector.find(in.sector()).orElse(null);
        if (sector == null) {
            errors.put("sector", "所属行业“" + strip(in.sector()) + "”不存在。");
        } else if (kind != null && kind.isInstitution() && sector.kind() != kind) {
            errors.put("sector", "“" + sector.label() + "”不属于" + kind.label() + "。");
        }
        if (!regions.exists(strip(in.region()))) {
            errors.put("region", "区划代码“" + strip(in.region()) + "”不存在。");
        }
        Optional<Organisation> regulator = find(strip(in.regulator()));
        if (regulator.isEmpty()) {
            errors.put("regulator", "主管部门“" + strip(in.regulator()) + "”不存在。");
        } else if (regulator.get().isInstitution()) {
            errors.put("regulator", regulator.get().name() + "不是政府部门，不能作为主管部门。");
        }
        if (!errors.isEmpty()) {
            throw InvalidInputProblem.of(errors);
        }
        return sector;
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
        if (!blank(d.fax()) && !ContactFormats.isPhone(d.fax())) {
            errors.put("fax", "传真号码格式不正确，请填写带区号的号码，如0795-3201234。");
        }
        if (!blank(d.postcode()) && !ContactFormats.isPostcode(d.postcode())) {
            errors.put("postcode", "邮政编码应为6位数字。");
        }
        if (!blank(d.officeEmail()) && !ContactFormats.isEmail(d.officeEmail())) {
            errors.put("officeEmail", "受理机构电子邮箱格式不正确。");
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
                strip(d.liaisonPhone()), strip(d.liaisonEmail()), strip(d.handlingOffice()), strip(d.address()),
                strip(d.officeHours()), strip(d.officePhone()), strip(d.fax()), strip(d.postcode()),
                strip(d.officeEmail()), strip(d.creditCode()).toUpperCase());
    }

    private static String describeChange(OrganisationDetails before, OrganisationDetails after) {
        List<String> parts = new ArrayList<>();
        compare(parts, "分管领导", before.leaderName(), after.leaderName());
        compare(parts, "分管领导职务", before.leaderPost(), after.leaderPost());
        compare(parts, "联络员", before.liaisonName(), after.liaisonName());
        compare(parts, "联络员电话", before.liaisonPhone(), after.liaisonPhone());
        compare(parts, "联络员邮箱", before.liaisonEmail(), after.liaisonEmail());
        compare(parts, "受理机构", before.handlingOffice(), after.handlingOffice());
        compare(parts, "办公地址", before.address(), after.address());
        compare(parts, "办公时间", before.officeHours(), after.officeHours());
        compare(parts, "办公电话", before.officePhone(), after.officePhone());
        compare(parts, "传真", before.fax(), after.fax());
        compare(parts, "邮政编码", before.postcode(), after.postcode());
        compare(parts, "受理机构邮箱", before.officeEmail(), after.officeEmail());
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
