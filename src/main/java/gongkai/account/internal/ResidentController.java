package gongkai.account.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import gongkai.account.ResidentRegistration;
import gongkai.account.Residents;
import gongkai.region.Region;
import gongkai.region.Regions;
import gongkai.shared.InvalidInputProblem;

/** Residents register for their village or community; admins of the area confirm them. */
@Controller
class ResidentController {

    private final Residents residents;
    private final Regions regions;

    ResidentController(Residents residents, Regions regions) {
        this.residents = residents;
        this.regions = regions;
    }

    @GetMapping("/residents/register")
    String form(Model model) {
        return form(model, null, null);
    }

    @PostMapping("/residents/register")
    String register(@RequestParam String username, @RequestParam String password,
            @RequestParam String displayName, @RequestParam String phone, @RequestParam String region, Model model) {
        ResidentRegistration registration = new ResidentRegistration(username, password, displayName, phone, region);
        try {
            if (username.isBlank() || displayName.isBlank()) {
                throw new InvalidInputProblem(username.isBlank() ? "username" : "displayName", "请填写用户名和姓名。");
            }
            residents.register(registration);
        } catch (InvalidInputProblem e) {
            return form(model, registration, e);
        }
        model.addAttribute("registered", true);
        return "account/register";
    }

    @GetMapping("/admin/residents")
    String pending(Model model) {
        model.addAttribute("pending", residents.pendingForMe());
        model.addAttribute("regionNames", regionNames());
        return "account/residents";
    }

    @PostMapping("/admin/residents/{username}/confirm")
    String confirm(@PathVariable String username, RedirectAttributes redirect) {
        residents.confirm(username);
        redirect.addFlashAttribute("notice", "已确认居民 " + username + "。");
        return "redirect:/admin/residents";
    }

    @PostMapping("/admin/residents/{username}/reject")
    String reject(@PathVariable String username, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        try {
            residents.reject(username, reason);
            redirect.addFlashAttribute("notice", "已退回 " + username + " 的注册。");
        } catch (InvalidInputProblem e) {
            redirect.addFlashAttribute("problem", e.report());
        }
        return "redirect:/admin/residents";
    }

    private String form(Model model, ResidentRegistration values, InvalidInputProblem problem) {
        Map<Region, List<Region>> byCounty = new LinkedHashMap<>();
        List<Region> all = regions.all();
        for (Region county : regions.countyLevel()) {
            var codes = regions.selfAndDescendants(county.code());
            List<Region> below = all.stream().filter(r -> r.kind().level() >= 3 && codes.contains(r.code())).toList();
            if (!below.isEmpty()) {
                byCounty.put(county, below);
            }
        }
        model.addAttribute("byCounty", byCounty);
        model.addAttribute("values", values);
        model.addAttribute("problem", problem);
        return "account/register";
    }

    private Map<String, String> regionNames() {
        Map<String, String> names = new LinkedHashMap<>();
        regions.all().forEach(r -> names.put(r.code(), r.name()));
        return names;
    }
}
