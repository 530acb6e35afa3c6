package gongkai.shared;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock.InterceptMode;

/**
 * Business jobs run once across the nodes of a cluster: a job marked {@code @SchedulerLock} takes its row in the
 * {@code shedlock} table before it runs, and a node that finds the row taken skips that turn.
 * <p>
 * Only the scheduler's own invocation is locked ({@link InterceptMode#PROXY_SCHEDULER}): the same method called
 * directly, by a test or by an administrator's "run now" button, always runs, even while a scheduled run holds the
 * lock. The jobs are idempotent per day or per row for that reason. Lock times come from the database's clock
 * ({@code usingDbTime}), so nodes whose clocks differ still agree on when a lock ends.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(interceptMode = InterceptMode.PROXY_SCHEDULER, defaultLockAtMostFor = "PT30M")
public class SchedulerLocks {

    @Bean
    LockProvider schedulerLockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .usingDbTime()
                .build());
    }
}
