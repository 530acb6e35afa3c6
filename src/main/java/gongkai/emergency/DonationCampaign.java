package gongkai.emergency;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import gongkai.shared.PlatformConfiguration;

/**
 * A relief-donation campaign (救灾捐赠活动) with its running totals per category, read from the balances kept with
 * every entry (never summed from the entries). Once closed (停止接收) it takes no more receipts; what is on hand is
 * still allocated, and entries are still reversed.
 *
 * @param closedAt       when the organiser stopped receipts; null while the campaign takes them
 * @param closedBy       who closed it
 * @param closeStatement the organiser's public statement on closing
 */
public record DonationCampaign(long id, String name, String orgCode, String orgName, String regionCode,
        String regionName, LocalDate startsOn, Long emergencyId, String emergencyTitle, boolean demo, long entryCount,
        List<CategoryBalance> totals, Instant closedAt, String closedBy, String closeStatement) {

    public boolean closed() {
        return closedAt != null;
    }

    /** 接收中 or 已停止接收, as pages and the API say it. */
    public String statusLabel() {
        return closed() ? "已停止接收" : "接收中";
    }

    /** The day receipts stopped, in Beijing time; null while open. */
    public LocalDate closedOn() {
        return closedAt == null ? null : closedAt.atZone(PlatformConfiguration.CHINA).toLocalDate();
    }

    /** Why a receipt is refused now, or null while the campaign takes receipts. */
    public String receiptRefusal() {
        return closed() ? "该捐赠活动已于" + closedOn() + "停止接收，不能再登记接收；现有款物的拨付和冲正仍可登记。" : null;
    }

    /** Why the campaign cannot be closed (again) in its state, or null while it is open. */
    public String closeRefusal() {
        return closed() ? "该捐赠活动已于" + closedOn() + "停止接收，不能再次停止。" : null;
    }
}
