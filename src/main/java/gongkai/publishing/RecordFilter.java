package gongkai.publishing;

import java.time.LocalDate;

/** Filters of the public lists and feed; null members do not filter. */
public record RecordFilter(String domain, String org, String region, String item, LocalDate from, LocalDate to) {

    public static RecordFilter none() {
        return new RecordFilter(null, null, null, null, null, null);
    }
}
