package gongkai.calendar.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Calendar settings ({@code gongkai.calendar.*}).
 *
 * @param countFirstDay whether the day a period begins on counts as its first working day; false (the usual rule
 *                      for periods in Chinese law, 期间开始的日不计算在期间内) until the counting convention of
 *                      国办公开办函〔2015〕207号 is confirmed
 */
@ConfigurationProperties("gongkai.calendar")
public record CalendarProperties(@DefaultValue("false") boolean countFirstDay) {
}
