package gongkai.requests.internal;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the requests module ({@code gongkai.requests.*}). The values regulatory.md marks UNCONFIRMED are here so
 * that an office can set them without a new build (see README, "Requests").
 *
 * @param reminderWorkingDays the handling organisation is reminded this many working days before the due date
 * @param dailyCheck          cron (Asia/Shanghai) of the daily job: lapses, overdue marking and reminders
 */
@ConfigurationProperties("gongkai.requests")
public record RequestsProperties(
        @DefaultValue Intake intake,
        @DefaultValue HumanCheckSettings humanCheck,
        @DefaultValue QueryCode queryCode,
        @DefaultValue Fees fees,
        @DefaultValue Remedies remedies,
        @DefaultValue("3") int reminderWorkingDays,
        @DefaultValue("0 30 7 * * *") String dailyCheck) {

    /**
     * Flood limits of the public intake (form and API). Staff entries are not limited.
     *
     * @param maxPerAddress   requests accepted from one address within {@code addressWindow}
     * @param maxPerApplicant requests accepted for one applicant (document type and number) within
     *                        {@code applicantWindow}
     */
    public record Intake(@DefaultValue("20") int maxPerAddress, @DefaultValue("1h") Duration addressWindow,
            @DefaultValue("10") int maxPerApplicant, @DefaultValue("24h") Duration applicantWindow) {
    }

    /**
     * The public form's arithmetic question.
     *
     * @param secret     key that signs the questions; empty: a random key per start (forms open during a restart must
     *                   be sent again). Set the same value on every node of a cluster.
     * @param minSeconds a form sent sooner after it was shown is refused (people take longer than scripts)
     * @param maxAge     a form older than this is refused
     */
    public record HumanCheckSettings(@DefaultValue("") String secret, @DefaultValue("3") int minSeconds,
            @DefaultValue("2h") Duration maxAge) {
    }

    /** Wrong query codes from one address before it is refused for {@code window}. */
    public record QueryCode(@DefaultValue("10") int maxFailures, @DefaultValue("15m") Duration window) {
    }

    /**
     * 信息处理费. The amounts are CONFIRMED (109号) and fixed in code; these are not.
     *
     * @param paymentWorkingDays working days the applicant has to pay after the fee notice (UNCONFIRMED)
     * @param countPerOrganisation whether an applicant's requests are counted per organisation in a month (true) or
     *                             over the whole platform (UNCONFIRMED: the fee is each organisation's)
     */
    public record Fees(@DefaultValue("20") int paymentWorkingDays, @DefaultValue("true") boolean countPerOrganisation) {
    }

    /**
     * The remedies the reply letter names (UNCONFIRMED in regulatory.md: the periods are those of the Administrative
     * Reconsideration Law and the Administrative Litigation Law).
     *
     * @param reconsiderationBody   who hears 行政复议 by default
     * @param reconsiderationBodies per organisation code, where it differs from the default
     * @param reconsiderationDays   days from receipt of the letter to apply for reconsideration
     * @param litigationMonths      months from receipt of the letter to sue
     */
    public record Remedies(@DefaultValue("宜春市人民政府") String reconsiderationBody,
            @DefaultValue Map<String, String> reconsiderationBodies,
            @DefaultValue("60") int reconsiderationDays, @DefaultValue("6") int litigationMonths) {

        public String reconsiderationBodyFor(String orgCode) {
            return reconsiderationBodies == null ? reconsiderationBody
                    : reconsiderationBodies.getOrDefault(orgCode, reconsiderationBody);
        }
    }
}
