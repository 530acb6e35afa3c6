package gongkai.web.internal;

import java.time.Duration;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Static assets are versioned by hand in their names when they change, so they can be cached for a day. Index
 * numbers hold a '/', and API.md addresses records by the URL-encoded number, so Tomcat accepts %2F; Spring MVC
 * matches on the raw URI, where it stays inside one path segment.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Bean
    TomcatConnectorCustomizer encodedSlashes() {
        return connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.DECODE.getValue());
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/css/**", "/img/**", "/js/**")
                .addResourceLocations("classpath:/static/css/", "classpath:/static/img/", "classpath:/static/js/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic());
    }
}
