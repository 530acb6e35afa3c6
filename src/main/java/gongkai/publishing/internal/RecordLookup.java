package gongkai.publishing.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import gongkai.catalog.Audience;
import gongkai.shared.Actor;
import gongkai.shared.NotFoundProblem;
import gongkai.shared.Role;

/** Finds a record by its index number or draft key, and says who counts as its organisation's staff. */
@Component
public class RecordLookup {

    private final RecordRepository records;

    RecordLookup(RecordRepository records) {
        this.records = records;
    }

    public Optional<RecordEntity> find(String ref) {
        if (ref == null || ref.isBlank()) {
            return Optional.empty();
        }
        if (ref.startsWith(RecordEntity.DRAFT_PREFIX)) {
            try {
                return records.findById(Long.parseLong(ref.substring(RecordEntity.DRAFT_PREFIX.length())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return records.findByIndexNo(ref);
    }

    public RecordEntity require(String ref) {
        return find(ref).orElseThrow(() -> new NotFoundProblem("没有索引号为“" + ref + "”的政府信息。"));
    }

    /** Staff who see the working copy and full personal data: the organisation's own people, auditors, the city. */
    public static boolean isStaff(Optional<Actor> actor, RecordEntity record) {
        return actor.map(a -> a.cityWide() || a.has(Role.AUDITOR) || (a.canActFor(record.getOrgCode())
                && (a.has(Role.EDITOR) || a.has(Role.REVIEWER) || a.has(Role.APPROVER) || a.has(Role.ADMIN))))
                .orElse(false);
    }

    /** Whether anybody may see it without being staff or holding its code. */
    public static boolean isOpenToEveryone(RecordEntity record) {
        return record.getPublishedVersion() > 0 && record.getAudience() == Audience.PUBLIC;
    }
}
