package gongkai.requests;

import java.util.Locale;
import java.util.Optional;

/**
 * 申请编号: what the applicant quotes — {@code SQ}, the year of receipt and the request's six-digit number, e.g.
 * {@code SQ2026-000123}. As typed, surrounding blanks and the letters' case do not matter.
 */
public record TrackingNumber(String value) {

    /** The number of the request with sequence number {@code id}, received in {@code year}. */
    public static TrackingNumber of(int year, long id) {
        return new TrackingNumber("SQ" + year + "-" + String.format("%06d", id));
    }

    /** A number as someone typed it; empty for none. */
    public static Optional<TrackingNumber> typed(String text) {
        return text == null ? Optional.empty() : Optional.of(new TrackingNumber(text.strip().toUpperCase(Locale.ROOT)));
    }

    @Override
    public String toString() {
        return value;
    }
}
