package gongkai.notify.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import gongkai.catalog.Catalog;
import gongkai.catalog.CatalogDomain;
import gongkai.catalog.CatalogItem;
import gongkai.notify.ChannelKind;
import gongkai.notify.Frequency;
import gongkai.notify.NewSubscription;
import gongkai.notify.SubscriptionReceipt;
import gongkai.notify.SubscriptionView;
import gongkai.notify.Subscriptions;
import gongkai.org.Organisations;
import gongkai.region.Region;
import gongkai.region.Regions;
import gongkai.shared.ConflictProblem;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.NotFoundProblem;
import gongkai.shared.TooManyRequestsProblem;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The subscriber's pages: the form ({@code /subscribe}, preselected by the links of list, item, organisation and
 * region pages), the SMS code form, the confirmation link's page (it confirms only on a POST: mail scanners open
 * links), and the page every message links to, where the subscription is read, its frequency changed and ended
 * ({@code /unsubscribe/{token}}; a POST there is also RFC 8058's one-click unsubscribe).
 */
@Controller
class SubscriptionPageController {

    static final String ENDED = "该订阅不存在或已退订。";

    private final Subscriptions subscriptions;
    private final Catalog catalog;
    private final Regions regions;
    private final Organisations organisations;

    SubscriptionPageController(Subscriptions subscriptions, Catalog catalog, Regions regions,
            Organisations organisations) {
        this.subscriptions = subscriptions;
        this.catalog = catalog;
        this.regions = regions;
        this.organisations = organisations;
    }

    /** What the form was filled with, to show it again with the errors. */
    record Form(String channel, String address, List<String> domains, String region, String item, String org,
            String frequency, String secret) {
    }

    /** A county-level division with its townships, for one group of the region list. */
    record RegionGroup(Region county, List<Region> townships) {
    }

    /** The items of one field, for one group of the item list. */
    record ItemGroup(String domain, List<CatalogItem> items) {
    }

    @GetMapping("/subscribe")
    String form(@RequestParam(required = false) List<String> domain, @RequestParam(required = false) String region,
            @RequestParam(required = false) String item, @RequestParam(required = false) String org, Model model) {
        List<ChannelKind> channels = subscriptions.availableChannels();
        String channel = channels.size() == 1 ? channels.get(0).name() : "";
        return form(model, new Form(channel, "", known(domain), blankless(region), blankless(item), blankless(org),
                Frequency.IMMEDIATE.name(), ""), null);
    }

    @PostMapping("/subscribe")
    String subscribe(@RequestParam(defaultValue = "") String channel, @RequestParam(defaultValue = "") String address,
            @RequestParam(required = false) List<String> domain, @RequestParam(defaultValue = "") String region,
            @RequestParam(defaultValue = "") String item, @RequestParam(defaultValue = "") String org,
            @RequestParam(defaultValue = "") String frequency, @RequestParam(defaultValue = "") String secret,
            Model model, HttpServletResponse response) {
        List<String> domains = domain == null ? List.of() : domain;
        Form typed = new Form(channel, address, domains, region, item, org, frequency, secret);
        ChannelKind kind = ChannelKind.parse(channel);
        SubscriptionReceipt receipt;
        try {
            receipt = subscriptions.subscribe(new NewSubscription(kind, address, domains, one(region), one(item),
                    one(org), Frequency.parse(frequency), kind == ChannelKind.WEBHOOK ? secret : null));
        } catch (InvalidInputProblem e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, typed, e);
        } catch (TooManyRequestsProblem e) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return form(model, typed, new InvalidInputProblem("channel", e.getMessage()));
        }
        model.addAttribute("receipt", receipt);
        model.addAttribute("problem", null);
        return "notify/subscribe-sent";
    }

    @PostMapping("/subscribe/{id:\\d+}/confirm")
    String confirmCode(@PathVariable long id, @RequestParam(defaultValue = "") String code, Model model,
            HttpServletResponse response) {
        try {
            return subscribed(model, subscriptions.confirmCode(id, code));
        } catch (InvalidInputProblem e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("receipt", new SubscriptionReceipt(id, ChannelKind.SMS, null, "CODE",
                    "请输入短信中的6位数字验证码。"));
            model.addAttribute("problem", e.report());
            return "notify/subscribe-sent";
        } catch (NotFoundProblem e) {
            return ended(model, response, HttpStatus.NOT_FOUND, "无法确认订阅", e.getMessage());
        } catch (ConflictProblem e) {
            return ended(model, response, HttpStatus.CONFLICT, "无法确认订阅", e.getMessage());
        }
    }

    @GetMapping("/subscribe/confirm/{token}")
    String confirmPage(@PathVariable String token, Model model, HttpServletResponse response) {
        if (!subscriptions.confirmable(token)) {
            return ended(model, response, HttpStatus.NOT_FOUND, "无法确认订阅", "确认链接无效或已过期，请重新订阅。");
        }
        model.addAttribute("token", token);
        return "notify/confirm";
    }

    @PostMapping("/subscribe/confirm/{token}")
    String confirmLink(@PathVariable String token, Model model, HttpServletResponse response) {
        try {
            return subscribed(model, subscriptions.confirmLink(token));
        } catch (NotFoundProblem e) {
            return ended(model, response, HttpStatus.NOT_FOUND, "无法确认订阅", e.getMessage());
        }
    }

    @GetMapping("/unsubscribe/{token}")
    String manage(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<SubscriptionView> s = subscriptions.byToken(token);
        if (s.isEmpty()) {
            return ended(model, response, HttpStatus.NOT_FOUND, "订阅已结束", ENDED);
        }
        return manage(model, token, s.get(), null);
    }

    /**
     * Ends the subscription. Also RFC 8058's one-click: a mail client posts {@code List-Unsubscribe=One-Click} with
     * no CSRF token (exempted for this address) and expects success, so an ended one is a success too.
     */
    @PostMapping("/unsubscribe/{token}")
    String unsubscribe(@PathVariable String token, Model model) {
        boolean ended = subscriptions.unsubscribe(token);
        model.addAttribute("heading", ended ? "已退订" : "订阅已结束");
        model.addAttribute("text", ended ? "您已退订，今后不会再收到这项订阅的推送。如果该地址没有其他订阅，平台已删除该地址。"
                : ENDED + "今后不会再收到这项订阅的推送。");
        model.addAttribute("status", ended ? "unsubscribed" : "ended");
        return "notify/ended";
    }

    @PostMapping("/unsubscribe/{token}/frequency")
    String frequency(@PathVariable String token, @RequestParam(defaultValue = "") String frequency, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        SubscriptionView changed;
        try {
            changed = subscriptions.changeFrequency(token, Frequency.parse(frequency));
        } catch (NotFoundProblem e) {
            return ended(model, response, HttpStatus.NOT_FOUND, "订阅已结束", ENDED);
        } catch (InvalidInputProblem e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return manage(model, token, subscriptions.byToken(token).orElseThrow(), e);
        }
        redirect.addFlashAttribute("notice", "已改为" + changed.frequency().label() + "。");
        return "redirect:/unsubscribe/" + token;
    }

    private String manage(Model model, String token, SubscriptionView s, InvalidInputProblem problem) {
        model.addAttribute("s", s);
        model.addAttribute("token", token);
        model.addAttribute("frequencies", Frequency.values());
        model.addAttribute("problem", problem == null ? null : problem.report());
        return "notify/manage";
    }

    private String subscribed(Model model, SubscriptionView s) {
        model.addAttribute("s", s);
        model.addAttribute("token", subscriptions.tokenOf(s.id()));
        return "notify/subscribed";
    }

    private static String ended(Model model, HttpServletResponse response, HttpStatus status, String heading,
            String text) {
        response.setStatus(status.value());
        model.addAttribute("heading", heading);
        model.addAttribute("text", text);
        model.addAttribute("status", "refused");
        return "notify/ended";
    }

    private String form(Model model, Form form, InvalidInputProblem problem) {
        List<ChannelKind> channels = subscriptions.availableChannels();
        model.addAttribute("channels", channels);
        model.addAttribute("webhook", channels.contains(ChannelKind.WEBHOOK));
        model.addAttribute("addressHint", "按所选推送方式填写：" + String.join("；", channels.stream()
                .map(SubscriptionPageController::addressKind).toList()) + "。");
        model.addAttribute("form", form);
        model.addAttribute("frequencies", Frequency.values());
        List<CatalogDomain> fields = catalog.domains().stream().filter(CatalogDomain::planField).toList();
        model.addAttribute("domains", fields);
        model.addAttribute("itemGroups", fields.stream().map(d -> new ItemGroup(d.name(),
                d.items().stream().filter(i -> !i.retired()).toList())).toList());
        model.addAttribute("orgs", organisations.all().stream().filter(o -> o.kind().disclosesInformation())
                .toList());
        List<RegionGroup> groups = regionGroups();
        model.addAttribute("regionGroups", groups);
        // A link may name a region the list does not hold (a village): keep it as a choice rather than drop it.
        model.addAttribute("otherRegion", form.region() == null || form.region().isBlank()
                || groups.stream().anyMatch(g -> g.county().code().equals(form.region())
                        || g.townships().stream().anyMatch(t -> t.code().equals(form.region()))) ? null
                                : regions.find(form.region()).orElse(null));
        model.addAttribute("problem", problem == null ? null : problem.report());
        model.addAttribute("errors", byField(problem));
        return "notify/subscribe";
    }

    private List<RegionGroup> regionGroups() {
        return regions.countyLevel().stream().map(c -> new RegionGroup(c, regions.children(c.code()).stream()
                .filter(t -> t.kind().level() == 3).toList())).toList();
    }

    private static String addressKind(ChannelKind kind) {
        switch (kind) {
            case EMAIL:
                return "电子邮件填邮箱地址，如 name@example.com";
            case SMS:
                return "短信填11位手机号码";
            case WECHAT:
                return "微信填关注公众号后获得的 openid";
            default:
                return "Webhook 填接收推送的 http(s) 网址";
        }
    }

    private static List<String> known(List<String> domains) {
        return domains == null ? List.of() : domains.stream().filter(d -> d != null && !d.isBlank()).toList();
    }

    private static String blankless(String code) {
        return code == null ? "" : code.strip();
    }

    private static List<String> one(String code) {
        return code == null || code.isBlank() ? List.of() : List.of(code.strip());
    }

    static Map<String, String> byField(InvalidInputProblem e) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (e != null) {
            e.errors().forEach(f -> errors.merge(f.field(), f.message(), (a, b) -> a + "；" + b));
        }
        return errors;
    }
}
