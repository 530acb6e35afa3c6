package gongkai.account.internal;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Two filter chains. The API ({@code /api/**}) is stateless: HTTP Basic or a bearer token on every call, no session,
 * so no CSRF; reads are open unless they expose accounts or the audit trail, writes need a signed-in user (services
 * check role and organisation). Pages use a session login with CSRF; {@code /admin/**} needs a signed-in user.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Argon2id for new hashes; bcrypt hashes are still accepted so an import from another system keeps working. */
    @Bean
    PasswordEncoder passwordEncoder() {
        String id = "argon2";
        return new DelegatingPasswordEncoder(id, Map.of(
                id, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
    }

    @Bean
    AuthenticationManager authenticationManager(AccountUserDetailsService users, PasswordEncoder encoder,
            LoginThrottle throttle, ApplicationEventPublisher events) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        ProviderManager manager = new ProviderManager(new ThrottlingAuthenticationProvider(dao, throttle));
        // Publishes failures (audited by LoginAuditListener), including throttled attempts.
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        return manager;
    }

    /**
     * Staff land where they were going (or the back office); residents on the page of their region's information. The
     * remembered address is absolute, built from the Host header of the refused request, which the client chose:
     * only its path and query are followed, so the landing stays on this site.
     */
    private static AuthenticationSuccessHandler landing() {
        SavedRequestAwareAuthenticationSuccessHandler staff = new SavedRequestAwareAuthenticationSuccessHandler();
        staff.setDefaultTargetUrl("/admin");
        DefaultRedirectStrategy redirects = new DefaultRedirectStrategy();
        staff.setRedirectStrategy((request, response, url) -> redirects.sendRedirect(request, response,
                onThisSite(request.getContextPath(), url)));
        SimpleUrlAuthenticationSuccessHandler resident = new SimpleUrlAuthenticationSuccessHandler("/residents/me");
        return (request, response, authentication) -> {
            if (authentication.getPrincipal() instanceof AccountPrincipal p && p.actor().isResident()) {
                resident.onAuthenticationSuccess(request, response, authentication);
            } else {
                staff.onAuthenticationSuccess(request, response, authentication);
            }
        };
    }

    /** The path and query of {@code url}, without the context path (the redirect strategy adds it again). */
    static String onThisSite(String contextPath, String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return "/admin";
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (!contextPath.isEmpty() && path.startsWith(contextPath)) {
            path = path.substring(contextPath.length());
        }
        // "//host/…" would leave the site again.
        if (!path.startsWith("/") || path.startsWith("//")) {
            return "/admin";
        }
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /** Index numbers hold a '/', so a record's address may carry %2F (API.md); everything else stays strict. */
    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowUrlEncodedSlash(true);
        return firewall;
    }

    @Bean
    ProblemSecurityHandlers problemSecurityHandlers(JsonMapper json) {
        return new ProblemSecurityHandlers(json);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, AuthenticationManager authenticationManager,
            ProblemSecurityHandlers problems, ApiTokenRepository tokens, UserRepository users,
            AccountUserDetailsService principals, TransactionTemplate tx, Clock clock) throws Exception {
        http.securityMatcher("/api/**")
                .authenticationManager(authenticationManager)
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.authenticationEntryPoint(problems))
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, users, principals, problems, tx, clock),
                        BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/v1/users/**").hasRole("ADMIN")
                        // The backup archive holds the ledger's private key (backup module).
                        .requestMatchers("/api/v1/admin/**").hasRole("ADMIN")
                        .requestMatchers("/api/v1/audit/**").hasAnyRole("AUDITOR", "ADMIN")
                        .requestMatchers("/api/v1/me").authenticated()
                        // Anyone may ask for information and send a correction with the query code (requests module).
                        .requestMatchers(HttpMethod.POST, "/api/v1/requests", "/api/v1/requests/*/corrected").permitAll()
                        // Anyone may comment on an EIA notice during its comment period (environment module).
                        .requestMatchers(HttpMethod.POST, "/api/v1/environment/eia/*/comments").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/messages").permitAll()
                        // Anyone may complain or report (feedback module).
                        .requestMatchers(HttpMethod.POST, "/api/v1/complaints").permitAll()
                        // Anyone may comment on a draft policy while it is open for comment (feedback module).
                        .requestMatchers(HttpMethod.POST, "/api/v1/consultations/*/comments").permitAll()
                        // Anyone may subscribe to push, confirm through the channel and unsubscribe (notify module).
                        .requestMatchers(HttpMethod.POST, "/api/v1/subscriptions", "/api/v1/subscriptions/confirm",
                                "/api/v1/subscriptions/*/confirm").permitAll()
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/subscriptions/*").permitAll()
                        // The CKAN Action API's actions here only read; CKAN clients POST them as often as GET.
                        .requestMatchers(HttpMethod.POST, "/api/3/action/*", "/api/action/*").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/**").permitAll()
                        .anyRequest().authenticated());
        return http.build();
    }

    /**
     * The open-data download addresses that dataset pages, CKAN resources and DCAT distributions name: open to
     * everyone, and a machine client's API token (or a staff session) is recognised here as on {@code /api/**}, so that
     * it lifts the anonymous download limit on the very URLs the catalogues give.
     */
    @Bean
    @Order(2)
    SecurityFilterChain downloadChain(HttpSecurity http, AuthenticationManager authenticationManager,
            ProblemSecurityHandlers problems, ApiTokenRepository tokens, UserRepository users,
            AccountUserDetailsService principals, TransactionTemplate tx, Clock clock) throws Exception {
        http.securityMatchers(m -> m.requestMatchers(HttpMethod.GET, "/data/*/download/*", "/data/bulk/*"))
                .authenticationManager(authenticationManager)
                .csrf(c -> c.disable())
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, users, principals, problems, tx, clock),
                        BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pageChain(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
        http.authenticationManager(authenticationManager)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/admin/login").permitAll()
                        // Setting a new password with the one-time link or code an admin gave (PasswordResets).
                        .requestMatchers("/admin/reset", "/admin/reset/*").permitAll()
                        .requestMatchers("/admin/**").hasAuthority(AccountPrincipal.STAFF)
                        .requestMatchers("/residents/me").hasAuthority(AccountPrincipal.RESIDENT)
                        .anyRequest().permitAll())
                // RFC 8058 one-click unsubscribe: a mail client POSTs to the address in List-Unsubscribe, with no
                // token of ours; the unguessable address is the authority.
                .csrf(c -> c.ignoringRequestMatchers("/unsubscribe/*"))
                .formLogin(f -> f.loginPage("/admin/login").successHandler(landing())
                        .failureUrl("/admin/login?error"))
                .logout(l -> l.logoutUrl("/admin/logout").logoutSuccessUrl("/admin/login?logout"))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                + "object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'"))
                        // Addresses can carry an access code or a query code (old links): never hand them to other
                        // sites.
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
