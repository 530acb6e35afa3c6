package gongkai.shared;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Where the current request comes from, for the audit trail and for rate limits. */
public final class RequestOrigin {

    private RequestOrigin() {
    }

    /**
     * The client's address (behind a proxy, set {@code server.forward-headers-strategy} so that it is the
     * client's, not the proxy's); null outside a request, e.g. in a scheduled job.
     */
    public static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            return attrs.getRequest().getRemoteAddr();
        }
        return null;
    }
}
