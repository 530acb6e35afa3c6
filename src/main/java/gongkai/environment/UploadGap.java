package gongkai.environment;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An outlet's monitoring period whose result is missing after its deadline (缺报) or arrived after it (迟报).
 *
 * @param uploadedAt when the first result of the period arrived; null when it is still missing
 */
public record UploadGap(Enterprise enterprise, Outlet outlet, String period, LocalDate deadline, Instant uploadedAt) {

    public boolean missing() {
        return uploadedAt == null;
    }

    public String status() {
        return missing() ? "缺报" : "迟报";
    }
}
