package gongkai.account.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

import gongkai.account.Accounts;

/**
 * {@code Authorization: Bearer <token>} on the API: the token's hash is looked up, and a valid, unexpired, unrevoked
 * token of an enabled user signs the request in as that user. A bad token is refused outright (401), never ignored.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final ApiTokenRepository tokens;
    private final UserRepository users;
    private final AccountUserDetailsService principals;
    private final AuthenticationEntryPoint entryPoint;
    private final TransactionTemplate tx;
    private final Clock clock;

    ApiTokenAuthenticationFilter(ApiTokenRepository tokens, UserRepository users,
            AccountUserDetailsService principals, AuthenticationEntryPoint entryPoint, TransactionTemplate tx,
            Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.principals = principals;
        this.entryPoint = entryPoint;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<AccountPrincipal> principal = tx.execute(s -> authenticate(header.substring(7).strip()));
        if (principal == null || principal.isEmpty()) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("API令牌无效、已过期或已被吊销。"));
            return;
        }
        var auth = UsernamePasswordAuthenticationToken.authenticated(principal.get(), null,
                principal.get().getAuthorities());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    private Optional<AccountPrincipal> authenticate(String secret) {
        Instant now = Instant.now(clock);
        return tokens.findByTokenHash(Accounts.hashToken(secret))
                .filter(t -> t.toInfo().active(now))
                .flatMap(t -> {
                    Instant last = t.toInfo().lastUsedAt();
                    if (last == null || last.plus(TOUCH_INTERVAL).isBefore(now)) {
                        t.used(now);
                    }
                    return users.findById(t.getUserId());
                })
                .filter(UserEntity::isEnabled)
                .map(principals::toPrincipal);
    }
}
