package gongkai.emergency;

import java.time.Instant;
import java.util.List;

/**
 * 预警信息: one warning message as published, with where it stands at the time it was read.
 *
 * @param originalId   the Alert that started the sequence (its own id for an Alert)
 * @param referencesId the message this Update or Cancel replaces; null for an Alert
 * @param supersededBy the Update or Cancel that replaced this message, if any
 * @param reason       for a Cancel, why the warning was lifted
 */
public record Warning(long id, WarningMessageType msgType, long originalId, Long referencesId, String hazard,
        WarningLevel level, List<Area> areas, String headline, String description, String instruction,
        Instant onset, Instant expires, String issuerOrg, String issuerName, Instant issuedAt, String issuedBy,
        Instant confirmedAt, String confirmedBy, Long supersededBy, String reason, boolean demo,
        WarningStatus status) {

    /** A region the warning covers. */
    public record Area(String code, String name) {
    }

    public Warning {
        areas = List.copyOf(areas);
    }

    public boolean confirmed() {
        return confirmedAt != null;
    }

    public boolean inForce() {
        return status == WarningStatus.IN_FORCE;
    }

    /** The short label of the banner: 暴雨橙色预警 Ⅱ级. */
    public String shortLabel() {
        return hazard + level.colour() + "预警 " + level.grade();
    }

    /** The region names joined for display: 袁州区、万载县. */
    public String areaNames() {
        return String.join("、", areas.stream().map(Area::name).toList());
    }

    public String path() {
        return "/warnings/" + id;
    }

    /** The times in Beijing time as pages show them: 2026-07-01 08:00. */
    public String onsetShown() {
        return shown(onset);
    }

    public String expiresShown() {
        return shown(expires);
    }

    public String issuedShown() {
        return shown(issuedAt);
    }

    public String confirmedShown() {
        return shown(confirmedAt);
    }

    private static String shown(Instant instant) {
        return instant == null ? "" : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(instant.atZone(gongkai.shared.PlatformConfiguration.CHINA));
    }
}
