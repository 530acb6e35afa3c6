package gongkai.org.internal;

import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import gongkai.org.InstitutionSector;
import gongkai.org.Organisation;
import gongkai.org.OrganisationKind;
import gongkai.region.Region;
import gongkai.region.Regions;
import gongkai.shared.GongkaiProperties;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.ReferenceFiles;

/**
 * Loads organisations.csv and organisation-renames.csv at start, inserting only what is missing, so that admins'
 * amendments survive and a second start adds nothing. With the demo profile, organisations without a responsible
 * leader get fictitious contacts marked as demo data, and demo contacts get a fictitious handling office.
 */
@Component
@Order(20)
public class OrganisationReferenceLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OrganisationReferenceLoader.class);

    /** Fictitious people for the demo profile only; shown with the 示例数据 mark. */
    private static final List<String> DEMO_NAMES = List.of("李明远", "王晓红", "张建国", "刘芳", "陈志强", "杨丽",
            "赵文博", "黄海燕", "周建华", "吴静", "徐振宇", "孙慧敏");

    private final OrganisationRepository repository;
    private final NameHistory nameHistory;
    private final ReferenceFiles files;
    private final GongkaiProperties properties;
    private final Regions regions;

    OrganisationReferenceLoader(OrganisationRepository repository, NameHistory nameHistory, ReferenceFiles files,
            GongkaiProperties properties, Regions regions) {
        this.repository = repository;
        this.nameHistory = nameHistory;
        this.files = files;
        this.properties = properties;
        this.regions = regions;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        int added = load();
        log.info("Organisations: {} added, {} in all", added, repository.count());
    }

    /** Inserts missing organisations and renames; returns how many organisations were added. */
    @Transactional
    public int load() {
        int added = 0;
        int order = 0;
        for (ReferenceFiles.Row row : files.readCsv("organisations.csv")) {
            String code = row.get("code");
            order++;
            if (code.isEmpty() || repository.existsById(code)) {
                continue;
            }
            OrganisationKind kind;
            try {
                kind = OrganisationKind.fromReference(row.get("kind"));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        "organisations.csv line " + row.line() + ": " + e.getMessage(), e);
            }
            OrganisationEntity entity = new OrganisationEntity(code, row.get("name"), kind, row.get("region"),
                    row.get("role in the plan"), order);
            placeUnderRegulator(entity, kind, row);
            entity = repository.save(entity);
            nameHistory.begin(entity);
            added++;
        }
        for (ReferenceFiles.Row row : files.readCsv("organisation-renames.csv")) {
            repository.findById(row.get("code")).ifPresent(entity -> {
                if (nameHistory.hasName(entity.getCode(), row.get("name"))) {
                    return;
                }
                try {
                    nameHistory.rename(entity, row.get("name"), LocalDate.parse(row.get("from")), row.get("note"));
                } catch (InvalidInputProblem e) {
                    // An admin has already recorded a different history; theirs stands.
                    log.warn("organisation-renames.csv line {} not applied to {}: {}", row.line(), entity.getCode(),
                            e.getMessage());
                }
            });
        }
        if (properties.demo()) {
            addDemoContacts();
        }
        return added;
    }

    /** The optional columns {@code regulator} and {@code sector}, for institutions only. */
    private void placeUnderRegulator(OrganisationEntity entity, OrganisationKind kind, ReferenceFiles.Row row) {
        String regulator = row.get("regulator").strip();
        String sector = row.get("sector").strip();
        if (regulator.isEmpty() && sector.isEmpty()) {
            return;
        }
        String where = "organisations.csv line " + row.line() + ": ";
        if (!kind.isInstitution()) {
            throw new IllegalStateException(where + "only institutions have a regulator and a sector");
        }
        OrganisationEntity body = repository.findById(regulator).orElseThrow(() -> new IllegalStateException(
                where + "the regulator " + regulator + " must be a government body listed above it"));
        if (body.toOrganisation().isInstitution()) {
            throw new IllegalStateException(where + "the regulator " + regulator + " is not a government body");
        }
        try {
            InstitutionSector s = InstitutionSector.parse(sector);
            if (s.kind() != kind) {
                throw new IllegalArgumentException("sector " + sector + " is not one of kind " + kind);
            }
            entity.placeUnder(regulator, s);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + e.getMessage(), e);
        }
    }

    private void addDemoContacts() {
        int i = 0;
        for (OrganisationEntity entity : repository.findAllByOrderBySortOrderAscCodeAsc()) {
            if (entity.hasContacts()) {
                continue;
            }
            String post = switch (entity.toOrganisation().kind()) {
                case PUBLIC_INSTITUTION, SOCIAL_ORGANISATION -> "副职负责人";
                case COUNTY_GOVERNMENT -> "副县（市、区）长";
                case DISTRICT_COMMITTEE -> "管委会副主任";
                case GOVERNMENT_OFFICE -> "副秘书长、办公室副主任";
                default -> "党组成员、副局长";
            };
            String leader = DEMO_NAMES.get(i % DEMO_NAMES.size());
            String liaison = DEMO_NAMES.get((i + 5) % DEMO_NAMES.size());
            entity.setDemoContacts(leader, post, liaison, String.format("0795-39%05d", 10000 + i));
            i++;
        }
        // Also for demo contacts given before organisations had a handling office.
        for (OrganisationEntity entity : repository.findAllByOrderBySortOrderAscCodeAsc()) {
            Organisation org = entity.toOrganisation();
            String region = regions.find(org.regionCode()).map(Region::name).orElse("");
            entity.setDemoOffice(DemoOffice.of(org, region, entity.getSortOrder()));
        }
    }
}
