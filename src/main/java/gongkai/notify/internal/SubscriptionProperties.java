package gongkai.notify.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import gongkai.shared.FloodLimits;

/**
 * Subscriptions ({@code gongkai.notify.subscriptions.*}).
 *
 * @param linkValidity  how long a confirmation link works; an unconfirmed subscription is deleted after it
 * @param codeValidity  how long an SMS confirmation code works
 * @param codeAttempts  wrong codes before the code stops working
 * @param intakeMax     subscriptions asked for per client address within {@code intakeWindow}
 */
@ConfigurationProperties("gongkai.notify.subscriptions")
public record SubscriptionProperties(@DefaultValue("72h") Duration linkValidity,
        @DefaultValue("15m") Duration codeValidity, @DefaultValue("5") int codeAttempts,
        @DefaultValue("10") int intakeMax, @DefaultValue("1h") Duration intakeWindow) {

    public FloodLimits.Limit intake() {
        return new FloodLimits.Limit(intakeMax, intakeWindow);
    }
}
