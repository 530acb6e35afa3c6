package gongkai.opendata.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of open data ({@code gongkai.opendata.*}). The licence defaults to CC BY 4.0, an open licence that only
 * asks reusers to name the source; a city that adopts another (a national open-data licence, say) sets it here.
 *
 * @param licenceId    the licence's CKAN id
 * @param licenceTitle its name as a reader sees it
 * @param licenceUrl   where its text is
 */
@ConfigurationProperties("gongkai.opendata")
public record OpenDataProperties(@DefaultValue("cc-by-4.0") String licenceId,
        @DefaultValue("知识共享署名 4.0 国际许可协议（CC BY 4.0）") String licenceTitle,
        @DefaultValue("https://creativecommons.org/licenses/by/4.0/") String licenceUrl) {
}
