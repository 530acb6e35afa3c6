package gongkai.environment.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import gongkai.org.OrganisationKind;
import gongkai.org.Organisations;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;

/**
 * Keeps an enterprise's people (an organisation of kind ENTERPRISE, role EDITOR within it) to their own monitoring
 * uploads: in the back office they open only {@code /admin/pollution/**} and their password page (the start page
 * sends them there), and through the API they change nothing but their results. Their EDITOR role would otherwise
 * let them draft records for their organisation like any government body's editor.
 */
@Configuration(proxyBeanMethods = false)
class EnterpriseUserFence implements WebMvcConfigurer {

    private final Organisations organisations;

    EnterpriseUserFence(Organisations organisations) {
        this.organisations = organisations;
    }

    /** Whether the actor belongs to a key-pollutant enterprise. */
    static boolean isEnterpriseUser(Organisations organisations, Actor actor) {
        return actor != null && actor.orgCode() != null && !actor.cityWide() && organisations.find(actor.orgCode())
                .map(o -> o.kind() == OrganisationKind.ENTERPRISE).orElse(false);
    }

    /** The addresses an enterprise's people may use beyond the public site. */
    static boolean allowed(String method, String path) {
        if (path.startsWith("/admin")) {
            return path.equals("/admin/pollution") || path.startsWith("/admin/pollution/")
                    && !path.equals("/admin/pollution/new") || path.equals("/admin/password")
                    || path.equals("/admin/login") || path.equals("/admin/logout");
        }
        if (path.startsWith("/api/") && !"GET".equals(method) && !"HEAD".equals(method)) {
            return path.startsWith("/api/v1/environment/pollution-sources/");
        }
        return true;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws Exception {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                Actor actor = Actor.current().orElse(null);
                if (actor == null || allowed(request.getMethod(), path) || !isEnterpriseUser(organisations, actor)) {
                    return true;
                }
                if (path.equals("/admin") || path.equals("/admin/")) {
                    response.sendRedirect(request.getContextPath() + "/admin/pollution");
                    return false;
                }
                throw new AccessDeniedProblem("重点排污单位的账号只能上传和查看本单位的污染源监测数据。");
            }
        });
    }
}
