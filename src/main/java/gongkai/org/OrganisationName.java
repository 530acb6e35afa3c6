package gongkai.org;

import java.time.LocalDate;

/**
 * One name an organisation bore, from {@code validFrom} (inclusive, null = always) until {@code validUntil}
 * (exclusive, null = still).
 */
public record OrganisationName(String name, LocalDate validFrom, LocalDate validUntil, String note) {

    public boolean appliesOn(LocalDate date) {
        return (validFrom == null || !date.isBefore(validFrom)) && (validUntil == null || date.isBefore(validUntil));
    }
}
