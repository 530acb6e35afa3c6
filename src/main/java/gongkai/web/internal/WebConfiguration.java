package gongkai.web.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Static assets carry a hash of their content in their names ({@code /css/site-<md5>.css}): pages link them through
 * {@code @{…}}, which {@link ResourceUrlEncodingFilter} rewrites, so a browser keeps each for a year without asking
 * and a changed file simply has another name. The plain name still works but must be revalidated ({@link
 * #unfingerprintedAssets}). Index numbers hold a '/', and API.md addresses records by the URL-encoded number, so
 * Tomcat accepts %2F; Spring MVC matches on the raw URI, where it stays inside one path segment.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private static final String[] ASSETS = {"/css/*", "/img/*", "/js/*"};

    /** The content-version strategy's names: an MD5 in hex before the extension. */
    private static final Pattern FINGERPRINTED = Pattern.compile(".*-[0-9a-f]{32}\\.[A-Za-z0-9]+$");

    @Bean
    TomcatConnectorCustomizer encodedSlashes() {
        return connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.DECODE.getValue());
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/css/**", "/img/**", "/js/**")
                .addResourceLocations("classpath:/static/css/", "classpath:/static/img/", "classpath:/static/js/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .resourceChain(true)
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
    }

    /**
     * The reader's 长者模式, 字号 and script ({@link ReadingFilter}): just inside the page cache, which runs first, so that
     * kept pages are kept as the reader sees them; on error pages too.
     */
    @Bean
    FilterRegistrationBean<ReadingFilter> readingFilter() {
        FilterRegistrationBean<ReadingFilter> registration = new FilterRegistrationBean<>(new ReadingFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    /** zh-Hans, or zh-Hant (messages_zh_Hant) when the reader chose 繁體; the choice itself is the filter's. */
    @Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver() {
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                return ReadingPreferences.of(request).locale();
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                throw new UnsupportedOperationException("The script is chosen through " + PreferencesController.PATH);
            }
        };
    }

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        return new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
    }

    /**
     * An asset asked for by its plain name (an old bookmark, a page of another site) gets {@code no-cache} instead of
     * a year: its content may change under that name.
     */
    @Bean
    FilterRegistrationBean<Filter> unfingerprintedAssets() {
        Filter filter = (ServletRequest req, ServletResponse res, FilterChain chain) -> {
            HttpServletRequest request = (HttpServletRequest) req;
            if (FINGERPRINTED.matcher(request.getRequestURI()).matches()) {
                chain.doFilter(req, res);
                return;
            }
            chain.doFilter(req, new HttpServletResponseWrapper((HttpServletResponse) res) {
                @Override
                public void setHeader(String name, String value) {
                    super.setHeader(name, "Cache-Control".equalsIgnoreCase(name) ? "no-cache" : value);
                }

                @Override
                public void addHeader(String name, String value) {
                    super.addHeader(name, "Cache-Control".equalsIgnoreCase(name) ? "no-cache" : value);
                }
            });
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns(ASSETS);
        return registration;
    }
}
