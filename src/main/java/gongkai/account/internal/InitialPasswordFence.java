package gongkai.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import gongkai.account.Accounts;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;

/**
 * An account with an initial password someone else set (a social supervisor's) changes it first: its back-office
 * pages lead to the password page, and its API calls that change anything are refused, until it has.
 */
@Configuration(proxyBeanMethods = false)
class InitialPasswordFence implements WebMvcConfigurer {

    private final Accounts accounts;

    InitialPasswordFence(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws Exception {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                boolean admin = path.startsWith("/admin") && !path.equals("/admin/password")
                        && !path.equals("/admin/login") && !path.equals("/admin/logout");
                boolean apiChange = path.startsWith("/api/") && !"GET".equals(request.getMethod())
                        && !"HEAD".equals(request.getMethod());
                if (!admin && !apiChange) {
                    return true;
                }
                Actor actor = Actor.current().orElse(null);
                if (actor == null || actor.isResident() || !accounts.mustChangePassword(actor.username())) {
                    return true;
                }
                if (admin) {
                    response.sendRedirect(request.getContextPath() + "/admin/password?initial");
                    return false;
                }
                throw new AccessDeniedProblem("请先在后台修改初始密码，然后再提交。");
            }
        }).order(-10);
    }
}
