package gongkai.emergency;

import java.time.LocalDate;

/**
 * A relief campaign to open: its name, the organising organisation, the region, when it starts, and the id of the
 * declared emergency it answers (null for a standing appeal).
 */
public record NewCampaign(String name, String org, String region, LocalDate startsOn, Long emergencyId) {
}
