package gongkai.emergency;

import java.time.LocalDate;

/**
 * A relief campaign to open: its name, the organising organisation, the region, when it starts, and optionally the
 * emergency it answers (free text until emergencies exist).
 */
public record NewCampaign(String name, String org, String region, LocalDate startsOn, String emergency) {
}
