package gongkai.shared;

import java.net.URI;
import java.net.URISyntaxException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The platform's public address ({@code gongkai.public-url}), the one source of every absolute link it writes: the
 * Atom feed, the QR code on a printed notice, the verifier's command line. It is never taken from the request: the
 * Host header (and, without a trusted proxy, the forwarded headers) are whatever the client sends, so a link built
 * from them can point readers and printed notices at someone else's site. Unset, it is
 * {@code http://localhost:<port>}, right for the embedded default on one machine.
 */
@Component
public class PublicAddress {

    private static final Logger log = LoggerFactory.getLogger(PublicAddress.class);

    private final String configured;
    private final Environment environment;

    PublicAddress(@Value("${gongkai.public-url:}") String configured, Environment environment) {
        this.configured = configured == null || configured.isBlank() ? null : checked(configured.strip());
        this.environment = environment;
        if (this.configured == null && environment.acceptsProfiles(Profiles.of("prod"))) {
            log.warn("gongkai.public-url (GONGKAI_PUBLIC_URL) is not set: feeds, notices and the verifier's command "
                    + "line will link to {}", base());
        }
    }

    /** The address, without a trailing slash: {@code https://gk.example.gov.cn} or {@code https://example.org/gk}. */
    public String base() {
        if (configured != null) {
            return configured;
        }
        // The port the server really listens on (server.port=0 picks one at start), else the configured one.
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://localhost:" + port + environment.getProperty("server.servlet.context-path", "");
    }

    /** An absolute link to {@code path}, which starts with '/' and is already encoded. */
    public String link(String path) {
        return base() + path;
    }

    private static String checked(String url) {
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw new IllegalStateException("gongkai.public-url must be an http(s) address with a host and "
                        + "neither query nor fragment, e.g. https://gk.example.gov.cn; got " + url);
            }
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        } catch (URISyntaxException e) {
            throw new IllegalStateException("gongkai.public-url is not an address: " + url, e);
        }
    }
}
