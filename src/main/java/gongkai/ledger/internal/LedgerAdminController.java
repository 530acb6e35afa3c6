package gongkai.ledger.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 后台 → 公开账本: the log's size and newest head, the last self-check and its alerts; an admin may run one now. */
@Controller
class LedgerAdminController {

    private final LedgerSelfCheck selfCheck;

    LedgerAdminController(LedgerSelfCheck selfCheck) {
        this.selfCheck = selfCheck;
    }

    @GetMapping("/admin/ledger")
    String page(Model model) {
        model.addAttribute("overview", selfCheck.overview());
        return "ledger/admin";
    }

    @PostMapping("/admin/ledger/check")
    String check(RedirectAttributes redirect) {
        selfCheck.startAsAdmin();
        redirect.addFlashAttribute("notice", "核查已开始，完成后刷新本页即可看到结果。");
        return "redirect:/admin/ledger";
    }
}
