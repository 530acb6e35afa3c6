package gongkai.emergency;

import java.time.LocalDate;
import java.util.List;

/**
 * A relief-donation campaign (救灾捐赠活动) with its running totals per category, read from the balances kept with
 * every entry (never summed from the entries).
 */
public record DonationCampaign(long id, String name, String orgCode, String orgName, String regionCode,
        String regionName, LocalDate startsOn, Long emergencyId, String emergencyTitle, boolean demo, long entryCount,
        List<CategoryBalance> totals) {
}
