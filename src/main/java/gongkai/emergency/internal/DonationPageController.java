package gongkai.emergency.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import gongkai.emergency.DonationCampaign;
import gongkai.emergency.DonationEntry;
import gongkai.emergency.Donations;
import gongkai.emergency.EntryKind;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.TooManyRequestsProblem;

/**
 * The public donation pages: the campaigns ({@code /donations}), one campaign's totals per category and its ledger
 * paged newest first ({@code /donations/{id}}), the CSV and XLSX downloads, and a donor's lookup of their own receipt.
 */
@Controller
class DonationPageController {

    static final int PAGE_SIZE = 50;

    private final Donations donations;

    DonationPageController(Donations donations) {
        this.donations = donations;
    }

    /** One line of the ledger as the page shows it, prepared here so that the template computes nothing. */
    record EntryRow(long id, String date, String kind, String category, String amount, String source, String purpose,
            String recipient, Long reverses, String receiptNo, boolean reversal) {
        static EntryRow of(DonationEntry e) {
            return new EntryRow(e.id(), e.date().toString(), e.kind().label(), e.category().label(), e.amountText(),
                    e.kind() == EntryKind.RECEIPT ? e.publicSource() : null, e.purpose(), e.publicRecipient(),
                    e.reverses(), e.receiptNo(), e.kind() == EntryKind.REVERSAL);
        }
    }

    @GetMapping("/donations")
    String list(Model model) {
        model.addAttribute("campaigns", donations.campaigns());
        return "emergency/donations";
    }

    @GetMapping("/donations/{campaignId}")
    String show(@PathVariable long campaignId, @RequestParam(defaultValue = "1") int page, Model model) {
        DonationCampaign c = donations.campaign(campaignId);
        int pages = (int) Math.max(1, (c.entryCount() + PAGE_SIZE - 1) / PAGE_SIZE);
        int p = Math.min(Math.max(1, page), pages);
        List<EntryRow> rows = donations.entries(campaignId, p - 1, PAGE_SIZE).stream().map(EntryRow::of).toList();
        model.addAttribute("campaign", c);
        model.addAttribute("rows", rows);
        model.addAttribute("page", p);
        model.addAttribute("pages", pages);
        model.addAttribute("base", "/donations/" + campaignId);
        return "emergency/donation";
    }

    /** An entry's place in the ledger: the page that shows it, scrolled to it. */
    @GetMapping("/donations/{campaignId}/entries/{entryId}")
    String entry(@PathVariable long campaignId, @PathVariable long entryId) {
        long newer = donations.newerEntries(campaignId, entryId);
        return "redirect:/donations/" + campaignId + "?page=" + (newer / PAGE_SIZE + 1) + "#entry-" + entryId;
    }

    @GetMapping("/donations/{campaignId}/entries.csv")
    void csv(@PathVariable long campaignId, HttpServletResponse response) throws IOException {
        donations.campaign(campaignId);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"donations-" + campaignId + ".csv\"");
        DonationSheets.csv(donations, campaignId, response.getOutputStream());
    }

    @GetMapping("/donations/{campaignId}/entries.xlsx")
    void xlsx(@PathVariable long campaignId, HttpServletResponse response) throws IOException {
        donations.campaign(campaignId);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"donations-" + campaignId + ".xlsx\"");
        DonationSheets.xlsx(donations, campaignId, response.getOutputStream());
    }

    @GetMapping("/donations/{campaignId}/lookup")
    String lookupForm(@PathVariable long campaignId, Model model) {
        model.addAttribute("campaign", donations.campaign(campaignId));
        return "emergency/donation-lookup";
    }

    @PostMapping("/donations/{campaignId}/lookup")
    String lookup(@PathVariable long campaignId, @RequestParam(defaultValue = "") String receiptNo,
            @RequestParam(defaultValue = "") String code, Model model, HttpServletResponse response) {
        model.addAttribute("campaign", donations.campaign(campaignId));
        model.addAttribute("receiptNo", receiptNo);
        try {
            model.addAttribute("found", EntryRow.of(donations.lookup(campaignId, receiptNo, code)));
        } catch (InvalidInputProblem e) {
            model.addAttribute("error", Donations.LOOKUP_FAILED);
        } catch (TooManyRequestsProblem e) {
            // The form again, with why and how long to wait; the status tells scripts the same.
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("error", e.getMessage());
        }
        return "emergency/donation-lookup";
    }
}
