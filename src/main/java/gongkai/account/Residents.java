package gongkai.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gongkai.account.internal.ResidentEntity;
import gongkai.account.internal.ResidentRepository;
import gongkai.account.internal.UserRepository;
import gongkai.org.Organisations;
import gongkai.region.Region;
import gongkai.region.Regions;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.AuditedChange;
import gongkai.shared.ContactFormats;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.NotFoundProblem;
import gongkai.shared.Role;

/**
 * Residents of a region (居民): they register themselves, and an admin of an organisation whose area includes
 * their region (the township's county government, or the city office) confirms them. Confirmed residents read the
 * information disclosed to their region and to the regions above it.
 */
@Service
@Transactional(readOnly = true)
public class Residents {

    private final ResidentRepository residents;
    private final UserRepository users;
    private final Regions regions;
    private final Organisations organisations;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Residents(ResidentRepository residents, UserRepository users, Regions regions, Organisations organisations,
            PasswordEncoder passwordEncoder, ApplicationEventPublisher events, Clock clock) {
        this.residents = residents;
        this.users = users;
        this.regions = regions;
        this.organisations = organisations;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.clock = clock;
    }

    /** Registers a resident, pending confirmation; nothing is stored if any field is wrong. */
    @Transactional
    public Resident register(ResidentRegistration r) {
        String username = r.username().strip();
        if (users.existsByUsername(username) || residents.existsByUsername(username)) {
            throw new InvalidInputProblem("username", "用户名“" + username + "”已被使用。");
        }
        Region region = regions.find(r.region())
                .orElseThrow(() -> new InvalidInputProblem("region", "所选区划不存在。"));
        if (region.kind().level() < 3) {
            throw new InvalidInputProblem("region", "请选择所在的乡镇（街道）或村（社区）。");
        }
        if (!ContactFormats.isPhone(r.phone())) {
            throw new InvalidInputProblem("phone", "联系电话格式不正确。");
        }
        Accounts.checkPassword("password", r.password(), username);
        ResidentEntity saved = residents.save(new ResidentEntity(username, passwordEncoder.encode(r.password()),
                r.displayName().strip(), r.phone().strip(), region.code()));
        events.publishEvent(new AuditedChange("resident.register", "resident", username,
                "居民注册：" + region.name() + "，待确认"));
        return saved.toResident();
    }

    /** Residents waiting for the signed-in admin's confirmation: those registered within their organisation's area. */
    public List<Resident> pendingForMe() {
        Actor actor = requireAdmin();
        String area = actor.cityWide() ? regions.path(organisations.get(actor.orgCode()).regionCode()).get(0).code()
                : organisations.get(actor.orgCode()).regionCode();
        return residents.findByStatusAndRegionCodeInOrderByIdAsc(Resident.Status.PENDING,
                regions.selfAndDescendants(area)).stream().map(ResidentEntity::toResident).toList();
    }

    @Transactional
    public Resident confirm(String username) {
        return decide(username, Resident.Status.CONFIRMED, "");
    }

    @Transactional
    public Resident reject(String username, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputProblem("reason", "请填写未通过的理由，以便居民知晓。");
        }
        return decide(username, Resident.Status.REJECTED, reason.strip());
    }

    /**
     * The confirmed residents of these regions, for a targeted record's push (module notify): the record reaches those
     * who may read it.
     */
    public List<Resident> confirmedIn(java.util.Collection<String> regionCodes) {
        if (regionCodes.isEmpty()) {
            return List.of();
        }
        return residents.findByStatusAndRegionCodeInOrderByIdAsc(Resident.Status.CONFIRMED, regionCodes).stream()
                .map(ResidentEntity::toResident).toList();
    }

    public Optional<Resident> find(String username) {
        return residents.findByUsername(username).map(ResidentEntity::toResident);
    }

    private Resident decide(String username, Resident.Status status, String note) {
        Actor actor = requireAdmin();
        ResidentEntity resident = residents.findByUsername(username)
                .orElseThrow(() -> new NotFoundProblem("没有用户名为“" + username + "”的居民。"));
        String actorRegion = organisations.get(actor.orgCode()).regionCode();
        boolean inArea = actor.cityWide() || regions.path(resident.getRegionCode()).stream()
                .anyMatch(r -> r.code().equals(actorRegion));
        if (!inArea) {
            throw new AccessDeniedProblem("该居民不在本单位辖区内，应由其所在地的政府确认。");
        }
        resident.decide(status, actor.username(), note, Instant.now(clock));
        events.publishEvent(new AuditedChange(status == Resident.Status.CONFIRMED ? "resident.confirm"
                : "resident.reject", "resident", username, status.label() + (note.isEmpty() ? "" : "：" + note)));
        return resident.toResident();
    }

    private static Actor requireAdmin() {
        Actor actor = Actor.require();
        if (!actor.has(Role.ADMIN)) {
            throw new AccessDeniedProblem("只有管理员可以确认居民。");
        }
        return actor;
    }
}
