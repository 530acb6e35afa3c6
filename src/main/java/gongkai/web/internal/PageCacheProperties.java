package gongkai.web.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The public page cache ({@code gongkai.web.page-cache.*}); see {@link PageCache}. Set it alike on every node.
 *
 * @param enabled      whether public pages are kept and served from memory
 * @param maxSize      memory for the kept pages (each page counts once as rendered and once compressed); the least
 *                     recently read go first
 * @param timeToLive   a kept page is rendered again after this long even if nothing said it changed: a bound on
 *                     what no event reports (a database edited by hand)
 * @param pollInterval how often every node looks for changes made on other nodes
 * @param staleAfter   when the changes could not be read for this long, the node serves nothing from memory until
 *                     it can again (and then starts afresh)
 * @param retention    how long a change stays in the table for the nodes to read it
 */
@ConfigurationProperties("gongkai.web.page-cache")
record PageCacheProperties(@DefaultValue("true") boolean enabled, @DefaultValue("64MB") DataSize maxSize,
        @DefaultValue("10m") Duration timeToLive, @DefaultValue("250ms") Duration pollInterval,
        @DefaultValue("5s") Duration staleAfter, @DefaultValue("10m") Duration retention) {
}
