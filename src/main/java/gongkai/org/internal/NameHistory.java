package gongkai.org.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import gongkai.shared.InvalidInputProblem;

/** Keeps an organisation's names as dated periods, so that every date maps to the name in force then. */
@Component
public class NameHistory {

    private final OrganisationNameRepository names;
    private final Clock clock;

    NameHistory(OrganisationNameRepository names, Clock clock) {
        this.names = names;
        this.clock = clock;
    }

    /** Starts the history of a new organisation with the name it has always had, as far as we know. */
    public void begin(OrganisationEntity entity) {
        names.save(new OrganisationNameEntity(entity.getCode(), entity.getName(), null, null, null));
    }

    boolean hasName(String orgCode, String name) {
        return names.findByOrgCodeOrderByIdAsc(orgCode).stream().anyMatch(n -> n.toName().name().equals(name));
    }

    /**
     * Closes the name in force on {@code from} and opens the new one; the organisation's current name follows once
     * the date has come.
     */
    public void rename(OrganisationEntity entity, String newName, LocalDate from, String note) {
        List<OrganisationNameEntity> history = names.findByOrgCodeOrderByIdAsc(entity.getCode());
        OrganisationNameEntity current = history.stream().filter(n -> n.toName().appliesOn(from)).findFirst()
                .orElseThrow(() -> new InvalidInputProblem("effectiveFrom", "启用日期与已有名称记录冲突。"));
        if (current.getValidFrom() != null && !from.isAfter(current.getValidFrom())) {
            throw new InvalidInputProblem("effectiveFrom",
                    "启用日期必须晚于现用名称的启用日期（" + current.getValidFrom() + "）。");
        }
        if (current.getValidUntil() != null) {
            throw new InvalidInputProblem("effectiveFrom", "该日期之后已有更新的名称，请先核对名称历史。");
        }
        if (current.toName().name().equals(newName)) {
            throw new InvalidInputProblem("name", "新名称与现用名称相同。");
        }
        current.closeOn(from);
        names.save(new OrganisationNameEntity(entity.getCode(), newName, from, null, note));
        if (!from.isAfter(LocalDate.now(clock))) {
            entity.rename(newName);
        }
    }
}
