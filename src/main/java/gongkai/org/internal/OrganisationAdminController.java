package gongkai.org.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import gongkai.org.InstitutionSector;
import gongkai.org.NewInstitution;
import gongkai.org.Organisation;
import gongkai.org.OrganisationDetails;
import gongkai.org.OrganisationKind;
import gongkai.org.Organisations;
import gongkai.region.Region;
import gongkai.region.Regions;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.Role;

/** Back office: an organisation's admin keeps its public contacts; the city office's admin also renames. */
@Controller
@RequestMapping("/admin/orgs")
class OrganisationAdminController {

    private final Organisations organisations;
    private final Regions regions;

    OrganisationAdminController(Organisations organisations, Regions regions) {
        this.organisations = organisations;
        this.regions = regions;
    }

    @GetMapping
    String list(Model model) {
        Actor actor = Actor.require();
        model.addAttribute("organisations", organisations.all().stream()
                .filter(o -> actor.canActFor(o.code()) || actor.has(Role.AUDITOR)).toList());
        model.addAttribute("names", organisations.namesByCode());
        model.addAttribute("canRegister", isCityAdmin(actor));
        return "org/admin-list";
    }

    /** The city office's admin registers a public institution or social organisation under its regulator. */
    @GetMapping("/new")
    String registerForm(Model model) {
        requireCityAdmin();
        return registerForm(model, new NewInstitution("", "", OrganisationKind.PUBLIC_INSTITUTION.name(), "", "", ""),
                null);
    }

    @PostMapping("/new")
    String register(@Valid @ModelAttribute("institution") NewInstitution institution, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        requireCityAdmin();
        if (binding.hasErrors()) {
            return registerForm(model, institution, new InvalidInputProblem(binding.getFieldErrors().stream()
                    .map(f -> new InvalidInputProblem.FieldError(f.getField(), f.getDefaultMessage())).toList()));
        }
        Organisation org;
        try {
            org = organisations.register(institution);
        } catch (InvalidInputProblem e) {
            return registerForm(model, institution, e);
        }
        redirect.addFlashAttribute("notice", "已登记" + org.name() + "，登记已记入审计日志。");
        return "redirect:/admin/orgs/" + org.code();
    }

    private String registerForm(Model model, NewInstitution institution, InvalidInputProblem problem) {
        model.addAttribute("institution", institution);
        model.addAttribute("problem", problem);
        model.addAttribute("kinds", Arrays.stream(OrganisationKind.values()).filter(OrganisationKind::isInstitution)
                .toList());
        model.addAttribute("sectors", InstitutionSector.values());
        List<Region> regionChoices = new ArrayList<>();
        regions.all().stream().filter(r -> regions.isTop(r.code())).forEach(regionChoices::add);
        regionChoices.addAll(regions.countyLevel());
        model.addAttribute("regionChoices", regionChoices);
        model.addAttribute("regulators", organisations.all().stream().filter(o -> !o.isInstitution()).toList());
        return "org/admin-new";
    }

    private static boolean isCityAdmin(Actor actor) {
        return actor.cityWide() && actor.has(Role.ADMIN);
    }

    private static void requireCityAdmin() {
        if (!isCityAdmin(Actor.require())) {
            throw new AccessDeniedProblem("只有市政府办公室的管理员可以登记公共企事业单位和社会组织。");
        }
    }

    @GetMapping("/{code}")
    String edit(@PathVariable String code, Model model) {
        Organisation org = organisations.get(code);
        return form(model, org, OrganisationDetails.of(org), null);
    }

    @PostMapping("/{code}")
    String amend(@PathVariable String code, @Valid @ModelAttribute("details") OrganisationDetails details,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        Organisation org = organisations.get(code);
        if (binding.hasErrors()) {
            return form(model, org, details, new InvalidInputProblem(binding.getFieldErrors().stream()
                    .map(f -> new InvalidInputProblem.FieldError(f.getField(), f.getDefaultMessage())).toList()));
        }
        try {
            organisations.amend(code, details);
        } catch (InvalidInputProblem e) {
            return form(model, org, details, e);
        }
        redirect.addFlashAttribute("notice", "已保存，修改已记入审计日志。");
        return "redirect:/admin/orgs/" + code;
    }

    @PostMapping("/{code}/rename")
    String rename(@PathVariable String code, @RequestParam String name,
            @RequestParam(required = false) LocalDate effectiveFrom, @RequestParam(defaultValue = "") String note,
            Model model, RedirectAttributes redirect) {
        try {
            organisations.rename(code, name, effectiveFrom, note.isBlank() ? null : note.strip());
        } catch (InvalidInputProblem e) {
            Organisation org = organisations.get(code);
            return form(model, org, OrganisationDetails.of(org), e);
        }
        redirect.addFlashAttribute("notice", "名称已更改，原名称保留在名称历史中。");
        return "redirect:/admin/orgs/" + code;
    }

    private String form(Model model, Organisation org, OrganisationDetails details, InvalidInputProblem problem) {
        model.addAttribute("org", org);
        model.addAttribute("regulator", org.regulator() == null ? null : organisations.get(org.regulator()));
        model.addAttribute("details", details);
        model.addAttribute("names", organisations.names(org.code()));
        model.addAttribute("problem", problem);
        model.addAttribute("canRename", Actor.current().map(a -> a.cityWide()).orElse(false));
        return "org/admin-edit";
    }
}
