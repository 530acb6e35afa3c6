package gongkai.feedback.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.Role;

/**
 * Keeps social supervisors to their own pages: in the back office they open only {@code /admin/supervisor/**} and
 * their password page (the start page sends them there), and through the API they change nothing but filing a check.
 * They act for no organisation, so the other pages would only refuse them one by one.
 */
@Configuration(proxyBeanMethods = false)
class SupervisorFence implements WebMvcConfigurer {

    static boolean isSupervisor(Actor actor) {
        return actor != null && actor.has(Role.SUPERVISOR);
    }

    /** The addresses a supervisor may use beyond the public site. */
    static boolean allowed(String method, String path) {
        if (path.startsWith("/admin")) {
            return path.equals("/admin/supervisor") || path.startsWith("/admin/supervisor/")
                    || path.equals("/admin/password") || path.equals("/admin/login") || path.equals("/admin/logout");
        }
        if (path.startsWith("/api/") && !"GET".equals(method) && !"HEAD".equals(method)) {
            return path.equals("/api/v1/supervision/checks");
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
                if (!isSupervisor(actor) || allowed(request.getMethod(), path)) {
                    return true;
                }
                if (path.equals("/admin") || path.equals("/admin/")) {
                    response.sendRedirect(request.getContextPath() + "/admin/supervisor");
                    return false;
                }
                throw new AccessDeniedProblem("社会监督员的账号只能提交和查看本人的监督发现。");
            }
        });
    }

    /** Whether the back-office navigation is the supervisor's own, and whether it offers the appointments. */
    @ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
    static class Navigation {

        private final gongkai.feedback.Supervisors supervisors;

        Navigation(gongkai.feedback.Supervisors supervisors) {
            this.supervisors = supervisors;
        }

        @ModelAttribute("mayOpenSupervisors")
        boolean mayOpenSupervisors() {
            return supervisors.mayAppoint(Actor.current().orElse(null));
        }

        @ModelAttribute("supervisorUser")
        boolean supervisorUser() {
            return isSupervisor(Actor.current().orElse(null));
        }
    }
}
