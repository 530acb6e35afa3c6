package gongkai.shared;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans every module shares, and the time zone of official dates. */
@Configuration(proxyBeanMethods = false)
public class PlatformConfiguration {

    /** Official dates (成文日期, deadlines) are dates in China; instants are stored in UTC regardless. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Bean
    Clock clock() {
        return Clock.system(CHINA);
    }
}
