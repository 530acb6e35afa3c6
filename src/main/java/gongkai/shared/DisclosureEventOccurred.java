package gongkai.shared;

import java.time.LocalDate;

/**
 * Something happened that a body must disclose under an event item of the catalogue (a warning issued, an emergency
 * declared): the item's clock runs from {@code occurredOn}. Any module may publish it; the assessment module records
 * it once per {@code sourceRef} as an obligation.
 */
public record DisclosureEventOccurred(String org, String catalogItem, LocalDate occurredOn, String description,
        String sourceRef) {
}
