package gongkai.region.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import gongkai.region.RegionKind;
import gongkai.shared.ReferenceFiles;

/**
 * Loads regions.csv and townships.csv at start. A region already in the database is left as it is, so an admin's
 * amendment survives restarts and a second start inserts nothing.
 */
@Component
@Order(10)
public class RegionReferenceLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RegionReferenceLoader.class);

    private final RegionRepository repository;
    private final ReferenceFiles files;

    RegionReferenceLoader(RegionRepository repository, ReferenceFiles files) {
        this.repository = repository;
        this.files = files;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        int added = load();
        log.info("Regions: {} added, {} in all", added, repository.count());
    }

    /** Inserts what is missing; returns how many regions were added. */
    @Transactional
    public int load() {
        int added = 0;
        int order = 0;
        for (ReferenceFiles.Row row : files.readCsv("regions.csv")) {
            added += insertIfAbsent(row.get("code"), row.get("name"), RegionKind.fromReference(row.get("kind")),
                    row.get("parent"), row.get("standard"), order++);
        }
        List<ReferenceFiles.Row> townships = files.readCsv("townships.csv");
        for (ReferenceFiles.Row row : townships) {
            String name = row.get("name");
            added += insertIfAbsent(row.get("code"), name, RegionKind.ofTownshipName(name), row.get("parent"),
                    "NBS statistical code", order++);
        }
        return added;
    }

    private int insertIfAbsent(String code, String name, RegionKind kind, String parent, String standard, int order) {
        if (code.isEmpty() || repository.existsById(code)) {
            return 0;
        }
        repository.save(new RegionEntity(code, name, kind, parent.isEmpty() ? null : parent, standard, order));
        return 1;
    }
}
