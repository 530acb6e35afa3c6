package gongkai.account.internal;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import gongkai.account.AuditTrail;

/**
 * Sign-ins to the back office and every failed attempt (pages and API) go to the audit trail. Successful API calls
 * are not logged one by one: what they change is.
 */
@Component
class LoginAuditListener {

    private final AuditTrail audit;

    LoginAuditListener(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    void onLogin(InteractiveAuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        audit.recordAs(username, null, "login", "user", username, "登录后台");
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String username = event.getAuthentication().getName();
        audit.recordAs(username == null ? "" : username, null, "login.failed", "user",
                username == null ? "" : username, "登录失败：" + event.getException().getMessage());
    }
}
