package gongkai.ledger.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import gongkai.shared.PublicAddress;

/**
 * {@code /verify}: a visitor checks a record against the signed transparency log. The check runs in the browser
 * ({@code /js/verify.js}, Web Crypto) on what the public API serves, so the page itself only offers the form;
 * {@code ?record=} (an index number or a record's address) fills it in and starts the check.
 */
@Controller
class VerifyPageController {

    /** Longer than any index number or record address; anything longer is not one and is ignored. */
    private static final int MAX_RECORD_LENGTH = 300;

    private final PublicAddress site;

    VerifyPageController(PublicAddress site) {
        this.site = site;
    }

    @GetMapping("/verify")
    String page(@RequestParam(required = false) String record, Model model) {
        String given = record == null ? "" : record.strip();
        model.addAttribute("record", given.length() > MAX_RECORD_LENGTH ? "" : given);
        // The command-line verifier needs this site's address: the configured one, not what the request's Host says.
        model.addAttribute("siteUrl", site.base());
        return "ledger/verify";
    }
}
