package gongkai.privacy.internal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/privacy/policy}: the masking rules are not secret, so the API shows them to everyone. */
@RestController
class PrivacyApiController {

    @GetMapping("/api/v1/privacy/policy")
    PrivacyPolicyView policy() {
        return PrivacyPolicyView.current();
    }
}
