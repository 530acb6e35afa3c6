package gongkai.feedback;

import java.time.LocalDate;

/**
 * 社会监督员 as the city office sees them, with the phone to reach them; the public sees a {@link SupervisorListing}.
 *
 * @param lastDay      the last day they may file: the end of the term, or the day before it was ended early
 * @param endedEarlyOn the day the office ended the term early, or null
 * @param demo         part of the demo data (示例数据)
 */
public record Supervisor(long id, String username, String name, String phone, String regionCode, String regionName,
        LocalDate termStartsOn, LocalDate termEndsOn, LocalDate endedEarlyOn, String endReason, LocalDate lastDay,
        SupervisorTermStatus status, boolean demo) {

    /** What the public list shows: no phone, no username, no reason for an early end. */
    public SupervisorListing listing() {
        return new SupervisorListing(id, name, regionName, termStartsOn, termEndsOn, endedEarlyOn, status, demo);
    }
}
