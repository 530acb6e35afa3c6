package gongkai.emergency.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import gongkai.emergency.DonationCampaign;
import gongkai.emergency.Donations;
import gongkai.emergency.Emergencies;
import gongkai.emergency.NewCampaign;
import gongkai.emergency.NewDonationEntry;
import gongkai.emergency.RecordedEntry;
import gongkai.region.Regions;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.ConflictProblem;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.InvalidInputProblem.FieldError;

/**
 * Back office of the relief-donation ledgers for the organiser's staff: the campaigns, a new campaign (ADMIN or
 * APPROVER), and one campaign with its totals, newest entries and the form for a receipt, an allocation or a reversal
 * (EDITOR), and closing it to receipts (ADMIN or APPROVER). Each action asks the same rule the API does ({@link
 * Donations#whyCannotOpen}, {@link Donations#whyCannotRecord}, {@link Donations#whyCannotClose}).
 */
@Controller
@RequestMapping("/admin/donations")
class DonationAdminController {

    private final Donations donations;
    private final Regions regions;
    private final Emergencies emergencies;

    DonationAdminController(Donations donations, Regions regions, Emergencies emergencies) {
        this.emergencies = emergencies;
        this.donations = donations;
        this.regions = regions;
    }

    /** Offers the desk in the back-office navigation only to those it will not refuse. */
    @ControllerAdvice(annotations = Controller.class)
    static class Navigation {
        @ModelAttribute("mayOpenDonations")
        boolean mayOpenDonations() {
            return Actor.current().map(Donations::mayUseDesk).orElse(false);
        }
    }

    @GetMapping
    String list(Model model) {
        Actor me = Actor.require();
        model.addAttribute("campaigns", donations.campaignsFor(me));
        model.addAttribute("mayOpenCampaign", Donations.whyCannotOpen(me, me.orgCode()).isEmpty());
        model.addAttribute("regions", regions.countyLevel());
        model.addAttribute("emergencies", emergencies.all());
        model.addAttribute("form", new NewCampaign("", me.orgCode(), "", LocalDate.now(gongkai.shared.PlatformConfiguration.CHINA), null));
        model.addAttribute("problem", null);
        model.addAttribute("errors", Map.of());
        return "emergency/donation-admin";
    }

    @PostMapping
    String open(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String region,
            @RequestParam(defaultValue = "") String startsOn, @RequestParam(required = false) Long emergency,
            Model model, RedirectAttributes redirect) {
        Actor me = Actor.require();
        NewCampaign in = new NewCampaign(name, me.orgCode(), region, null, emergency);
        try {
            in = new NewCampaign(name, me.orgCode(), region, date("startsOn", startsOn, "开始日期"), emergency);
            long id = donations.open(in, me);
            redirect.addFlashAttribute("notice", "已开设捐赠活动。");
            return "redirect:/admin/donations/" + id;
        } catch (InvalidInputProblem e) {
            model.addAttribute("campaigns", donations.campaignsFor(me));
            model.addAttribute("mayOpenCampaign", true);
            model.addAttribute("regions", regions.countyLevel());
            model.addAttribute("emergencies", emergencies.all());
            model.addAttribute("form", in);
            model.addAttribute("problem", e.report());
            model.addAttribute("errors", byField(e));
            return "emergency/donation-admin";
        }
    }

    @GetMapping("/{campaignId}")
    String campaign(@PathVariable long campaignId, Model model) {
        return page(model, campaignId, null, null);
    }

    @PostMapping("/{campaignId}/entries")
    String record(@PathVariable long campaignId, @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "money") String category, @RequestParam(defaultValue = "") String amount,
            @RequestParam(defaultValue = "") String item, @RequestParam(defaultValue = "") String quantity,
            @RequestParam(defaultValue = "") String unit, @RequestParam(defaultValue = "") String source,
            @RequestParam(defaultValue = "") String purpose, @RequestParam(defaultValue = "") String recipient,
            @RequestParam(defaultValue = "ORGANISATION") String recipientKind,
            @RequestParam(defaultValue = "") String date, @RequestParam(defaultValue = "") String reverses,
            Model model, RedirectAttributes redirect) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("kind", kind);
        form.put("category", category);
        form.put("amount", amount);
        form.put("item", item);
        form.put("quantity", quantity);
        form.put("unit", unit);
        form.put("source", source);
        form.put("purpose", purpose);
        form.put("recipient", recipient);
        form.put("recipientKind", recipientKind);
        form.put("date", date);
        form.put("reverses", reverses);
        try {
            NewDonationEntry in = new NewDonationEntry(kind, category,
                    "money".equals(category) ? decimal("amount", amount, "金额") : null, item,
                    "goods".equals(category) ? decimal("quantity", quantity, "数量") : null, unit, source, purpose,
                    recipient, recipientKind, date("date", date, "日期"),
                    reverses.isBlank() ? null : number("reverses", reverses));
            RecordedEntry done = donations.record(campaignId, in, Actor.require());
            redirect.addFlashAttribute("notice", done.receiptNo() == null ? "已登记第" + done.id() + "笔。"
                    : "已登记第" + done.id() + "笔。捐赠收据号 " + done.receiptNo() + "，查询码 " + done.lookupCode()
                            + "（请转告捐赠人；查询码不再显示）。");
            return "redirect:/admin/donations/" + campaignId;
        } catch (InvalidInputProblem e) {
            return page(model, campaignId, form, e);
        } catch (ConflictProblem e) {
            // A receipt for a campaign that stopped receipts: said on the form, with what was typed.
            return page(model, campaignId, form, new InvalidInputProblem("kind", e.getMessage()));
        }
    }

    /**
     * Closes the campaign to receipts (停止接收). The form asks for the statement and a ticked confirmation, so that
     * nobody closes a campaign by a stray click; a campaign already closed is a 409 like in the API.
     */
    @PostMapping("/{campaignId}/close")
    String close(@PathVariable long campaignId, @RequestParam(defaultValue = "") String statement,
            @RequestParam(defaultValue = "") String confirm, Model model, RedirectAttributes redirect) {
        try {
            if (!"yes".equals(confirm)) {
                throw new InvalidInputProblem("confirm", "请勾选“确认停止接收”：停止接收后不能再登记接收，也不能撤销。");
            }
            DonationCampaign c = donations.close(campaignId, statement, Actor.require());
            redirect.addFlashAttribute("notice", "已于" + c.closedOn() + "停止接收；公开页面已显示停止接收的日期和说明。"
                    + "现有款物仍可拨付，条目仍可冲正。");
            return "redirect:/admin/donations/" + campaignId;
        } catch (InvalidInputProblem e) {
            model.addAttribute("closeProblem", e.report());
            model.addAttribute("closeStatement", statement);
            return page(model, campaignId, null, null);
        }
    }

    private String page(Model model, long campaignId, Map<String, String> form, InvalidInputProblem problem) {
        Actor me = Actor.require();
        DonationCampaign c = donations.campaign(campaignId);
        if (!me.canActFor(c.orgCode())) {
            throw new AccessDeniedProblem("这是其他机构的捐赠活动。");
        }
        model.addAttribute("campaign", c);
        model.addAttribute("rows", donations.entries(campaignId, 0, 20).stream()
                .map(DonationPageController.EntryRow::of).toList());
        model.addAttribute("whyNot", Donations.whyCannotRecord(me, c.orgCode()).orElse(null));
        model.addAttribute("mayClose", !c.closed() && Donations.whyCannotClose(me, c.orgCode()).isEmpty());
        // A closed campaign takes no receipts: its form starts at an allocation.
        Map<String, String> f = form == null ? new LinkedHashMap<>(Map.of("kind", c.closed() ? "ALLOCATION"
                : "RECEIPT", "category", "money", "recipientKind", "ORGANISATION", "date",
                LocalDate.now(gongkai.shared.PlatformConfiguration.CHINA).toString())) : form;
        model.addAttribute("form", f);
        model.addAttribute("problem", problem == null ? null : problem.report());
        model.addAttribute("errors", problem == null ? Map.of() : byField(problem));
        return "emergency/donation-admin-campaign";
    }

    private static Map<String, String> byField(InvalidInputProblem e) {
        Map<String, String> m = new LinkedHashMap<>();
        for (FieldError f : e.errors()) {
            m.putIfAbsent(f.field(), f.message());
        }
        return m;
    }

    private static LocalDate date(String field, String value, String label) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputProblem(field, label + "应为 yyyy-MM-dd 格式的日期，收到的是“" + value + "”。");
        }
    }

    private static BigDecimal decimal(String field, String value, String label) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new InvalidInputProblem(field, label + "应为数字，收到的是“" + value + "”。");
        }
    }

    private static Long number(String field, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputProblem(field, "条目编号应为整数，收到的是“" + value + "”。");
        }
    }
}
