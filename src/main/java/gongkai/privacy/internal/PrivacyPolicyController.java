package gongkai.privacy.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Back office: the privacy rules, for every signed-in user (editors need them as much as administrators). */
@Controller
class PrivacyPolicyController {

    @GetMapping("/admin/privacy")
    String policy(Model model) {
        model.addAttribute("policy", PrivacyPolicyView.current());
        return "privacy/policy";
    }
}
