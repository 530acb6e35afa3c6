package gongkai.region;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gongkai.region.internal.RegionEntity;
import gongkai.region.internal.RegionRepository;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.AuditedChange;
import gongkai.shared.GongkaiProperties;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.NotFoundProblem;
import gongkai.shared.Role;

/** The directory of administrative divisions, and the admin's amendments to it. */
@Service
@Transactional(readOnly = true)
public class Regions {

    private static final Pattern VILLAGE_CODE = Pattern.compile("\\d{12}");

    private final RegionRepository repository;
    private final ApplicationEventPublisher events;
    private final GongkaiProperties properties;

    Regions(RegionRepository repository, ApplicationEventPublisher events, GongkaiProperties properties) {
        this.repository = repository;
        this.events = events;
        this.properties = properties;
    }

    public List<Region> all() {
        return repository.findAllByOrderBySortOrderAscCodeAsc().stream().map(RegionEntity::toRegion).toList();
    }

    public Optional<Region> find(String code) {
        return repository.findById(code).map(RegionEntity::toRegion);
    }

    public Region get(String code) {
        return find(code).orElseThrow(() -> new NotFoundProblem("没有代码为“" + code + "”的行政区划。"));
    }

    /**
     * Whether the region is the top of the tree (the city): an organisation there acts city-wide, one below it
     * for a county or district (and so carries the catalogue's county-level duties).
     */
    public boolean isTop(String code) {
        return find(code).map(r -> r.parentCode() == null).orElse(false);
    }

    public boolean exists(String code) {
        return code != null && repository.existsById(code);
    }

    public List<Region> children(String code) {
        return repository.findByParentCodeOrderBySortOrderAscCodeAsc(code).stream().map(RegionEntity::toRegion).toList();
    }

    /** The city's county-level divisions and the three special districts, in the order of the plan. */
    public List<Region> countyLevel() {
        return all().stream().filter(Region::isCountyLevel).toList();
    }

    /** The region and its ancestors, city first. */
    public List<Region> path(String code) {
        List<Region> path = new ArrayList<>();
        Optional<Region> current = find(code);
        while (current.isPresent() && path.size() < 10) {
            path.add(current.get());
            current = Optional.ofNullable(current.get().parentCode()).flatMap(this::find);
        }
        Collections.reverse(path);
        return path;
    }

    /** The region's code and the codes of every region below it, for "what is disclosed for this region". */
    public java.util.Set<String> selfAndDescendants(String code) {
        java.util.Map<String, List<String>> children = new java.util.HashMap<>();
        for (Region r : all()) {
            if (r.parentCode() != null) {
                children.computeIfAbsent(r.parentCode(), k -> new ArrayList<>()).add(r.code());
            }
        }
        java.util.Set<String> result = new java.util.LinkedHashSet<>();
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of(code));
        while (!todo.isEmpty()) {
            String c = todo.pop();
            if (result.add(c)) {
                todo.addAll(children.getOrDefault(c, List.of()));
            }
        }
        return result;
    }

    /** Names by code, for labelling many codes at once. */
    public java.util.Map<String, String> namesByCode() {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        all().forEach(r -> names.put(r.code(), r.name()));
        return names;
    }

    public long count() {
        return repository.count();
    }

    /** Renames a region (the city office's admin only). */
    @Transactional
    public Region rename(String code, String newName) {
        requireCityAdmin();
        RegionEntity entity = repository.findById(code)
                .orElseThrow(() -> new NotFoundProblem("没有代码为“" + code + "”的行政区划。"));
        String name = requireName(newName);
        String old = entity.getName();
        if (old.equals(name)) {
            return entity.toRegion();
        }
        entity.rename(name);
        events.publishEvent(new AuditedChange("region.rename", "region", code, "名称：" + old + " → " + name));
        return entity.toRegion();
    }

    /** Adds a village or community (村、社区) under a township-level unit. Village codes are 12 digits. */
    @Transactional
    public Region addVillage(String townshipCode, String code, String name) {
        requireCityAdmin();
        RegionEntity township = repository.findById(townshipCode)
                .orElseThrow(() -> new InvalidInputProblem("parent", "上级乡镇（街道）代码不存在：" + townshipCode));
        if (township.toRegion().kind().level() != 3) {
            throw new InvalidInputProblem("parent", "村（社区）只能加在乡镇（街道）之下。");
        }
        if (code == null || !VILLAGE_CODE.matcher(code).matches() || !code.startsWith(townshipCode)) {
            throw new InvalidInputProblem("code", "村（社区）代码应为12位数字，并以所属乡镇（街道）代码开头。");
        }
        if (repository.existsById(code)) {
            throw new InvalidInputProblem("code", "代码“" + code + "”已被使用。");
        }
        RegionEntity village = new RegionEntity(code, requireName(name), RegionKind.VILLAGE, townshipCode,
                "统计用区划代码", 0);
        repository.save(village);
        events.publishEvent(new AuditedChange("region.add", "region", code, "新增村（社区）：" + village.getName()));
        return village.toRegion();
    }

    private void requireCityAdmin() {
        Actor actor = Actor.require();
        if (!actor.canActFor(properties.cityOffice(), Role.ADMIN) || !actor.cityWide()) {
            throw new AccessDeniedProblem("只有市政府办公室的管理员可以修改行政区划。");
        }
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputProblem("name", "名称不能为空。");
        }
        if (name.strip().length() > 100) {
            throw new InvalidInputProblem("name", "名称不能超过100个字。");
        }
        return name.strip();
    }
}
