package gongkai.web.internal;

import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import gongkai.catalog.Catalog;
import gongkai.publishing.Records;
import gongkai.region.Regions;

/**
 * The public page cache ({@link PageCache}), on unless {@code gongkai.web.page-cache.enabled=false}. Its filter runs
 * before every other, in front of Spring Session and Spring Security, so that a kept page costs neither.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "gongkai.web.page-cache", name = "enabled", havingValue = "true",
        matchIfMissing = true)
class PageCacheConfiguration implements WebMvcConfigurer {

    /**
     * Kept pages are served before the request observation filter (whose timer would cost more than the page), so
     * the cache reports its own hits and misses, its size and its bytes.
     */
    @Bean
    PageCache pageCache(PageCacheProperties properties, ObjectProvider<MeterRegistry> meters) {
        PageCache cache = new PageCache(properties.maxSize().toBytes(), properties.timeToLive().toNanos());
        meters.ifAvailable(registry -> {
            FunctionCounter.builder("gongkai.page.cache.requests", cache.hits, LongAdder::sum).tag("result", "hit")
                    .description("Public page requests answered from the page cache").register(registry);
            FunctionCounter.builder("gongkai.page.cache.requests", cache.misses, LongAdder::sum)
                    .tag("result", "miss").description("Public page requests that had to be rendered")
                    .register(registry);
            Gauge.builder("gongkai.page.cache.pages", cache, PageCache::size).register(registry);
            Gauge.builder("gongkai.page.cache.bytes", cache, PageCache::bytes).baseUnit("bytes").register(registry);
        });
        return cache;
    }

    @Bean
    PageInvalidationLog pageInvalidationLog(JdbcTemplate jdbc) {
        return new PageInvalidationLog(jdbc);
    }

    @Bean
    PageInvalidationPoller pageInvalidationPoller(PageInvalidationLog log, PageCache cache,
            PageCacheProperties properties) {
        return new PageInvalidationPoller(log, cache, properties.pollInterval(), properties.staleAfter(),
                properties.retention());
    }

    @Bean
    PageInvalidations pageInvalidations(PageCache cache, PageInvalidationLog log, PageInvalidationPoller poller,
            Catalog catalog, Regions regions, Records records, PlatformTransactionManager transactions) {
        return new PageInvalidations(cache, log, poller, catalog, regions, records, transactions);
    }

    @Bean
    FilterRegistrationBean<PageCacheFilter> pageCacheFilter(PageCache cache,
            @Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookie) {
        FilterRegistrationBean<PageCacheFilter> registration = new FilterRegistrationBean<>(
                new PageCacheFilter(cache, sessionCookie));
        // First, with the character encoding filter: before the request observation (HIGHEST_PRECEDENCE + 1), Spring
        // Session (+ 50) and Spring Security (-100). With the observation in front, a hit cost half as much again.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PageCacheFilter.AnonymousMarker());
    }
}
