package gongkai.account.internal;

import java.time.Duration;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Username and password authentication (form login and HTTP Basic) behind the {@link LoginThrottle}: a locked
 * username and address pair, or a locked address, is refused at once; a username under a distributed guess waits
 * before its password is checked.
 */
class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    /** How an attempt waits; tests replace it so that they do not sleep. */
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private final DaoAuthenticationProvider delegate;
    private final LoginThrottle throttle;
    private final Pause pause;

    ThrottlingAuthenticationProvider(DaoAuthenticationProvider delegate, LoginThrottle throttle) {
        this(delegate, throttle, d -> Thread.sleep(d.toMillis()));
    }

    ThrottlingAuthenticationProvider(DaoAuthenticationProvider delegate, LoginThrottle throttle, Pause pause) {
        this.delegate = delegate;
        this.throttle = throttle;
        this.pause = pause;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        throttle.check(username, address);
        Duration delay = throttle.delay(username);
        if (!delay.isZero()) {
            try {
                pause.pause(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AuthenticationServiceException("登录已中断，请重试。", e);
            }
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            throttle.succeeded(username, address);
            return result;
        } catch (BadCredentialsException e) {
            throttle.failed(username, address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
