package gongkai.feedback;

import java.time.LocalDate;

/** A social supervisor on the public list: name, region and term, nothing to contact them by. */
public record SupervisorListing(long id, String name, String regionName, LocalDate termStartsOn,
        LocalDate termEndsOn, LocalDate endedEarlyOn, SupervisorTermStatus status, boolean demo) {
}
