package gongkai.feedback.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import gongkai.feedback.ComplaintCategory;

/**
 * Settings of complaints ({@code gongkai.feedback.complaints.*}). The due periods are UNCONFIRMED: no national rule
 * fixes them for disclosure complaints, so each category defaults to 15 working days and an office may set its own.
 *
 * @param dueDays             working days to answer, per category; a category not named takes 15
 * @param rectificationDays   working days a body has to rectify a finding raised from a substantiated complaint
 * @param reminderWorkingDays the handling body is reminded this many working days before the due date
 * @param intake              flood limit of the public intake (form and API) per client address
 * @param track               flood limit of look-ups with the code per client address
 */
@ConfigurationProperties("gongkai.feedback.complaints")
public record ComplaintsProperties(Map<ComplaintCategory, Integer> dueDays, @DefaultValue("10") int rectificationDays,
        @DefaultValue("3") int reminderWorkingDays, @DefaultValue Limit intake, @DefaultValue Limit track,
        @DefaultValue("0 40 7 * * *") String dailyCheck) {

    public static final int DEFAULT_DUE_DAYS = 15;

    public ComplaintsProperties {
        Map<ComplaintCategory, Integer> all = new EnumMap<>(ComplaintCategory.class);
        for (ComplaintCategory c : ComplaintCategory.values()) {
            Integer days = dueDays == null ? null : dueDays.get(c);
            if (days != null && days < 1) {
                throw new IllegalArgumentException("gongkai.feedback.complaints.due-days." + c + " must be at least 1");
            }
            all.put(c, days == null ? DEFAULT_DUE_DAYS : days);
        }
        dueDays = Map.copyOf(all);
    }

    public int dueDaysOf(ComplaintCategory category) {
        return dueDays.get(category);
    }

    /** At most {@code maxPerAddress} attempts from one address within {@code window}. */
    public record Limit(@DefaultValue("10") int maxPerAddress, @DefaultValue("1h") Duration window) {
    }
}
