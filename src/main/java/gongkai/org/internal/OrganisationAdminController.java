package gongkai.org.internal;

import java.time.LocalDate;

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

import gongkai.org.Organisation;
import gongkai.org.OrganisationDetails;
import gongkai.org.Organisations;
import gongkai.shared.Actor;
import gongkai.shared.InvalidInputProblem;

/** Back office: an organisation's admin keeps its public contacts; the city office's admin also renames. */
@Controller
@RequestMapping("/admin/orgs")
class OrganisationAdminController {

    private final Organisations organisations;

    OrganisationAdminController(Organisations organisations) {
        this.organisations = organisations;
    }

    @GetMapping
    String list(Model model) {
        Actor actor = Actor.require();
        model.addAttribute("organisations", organisations.all().stream()
                .filter(o -> actor.canActFor(o.code()) || actor.has(gongkai.shared.Role.AUDITOR)).toList());
        return "org/admin-list";
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
        model.addAttribute("details", details);
        model.addAttribute("names", organisations.names(org.code()));
        model.addAttribute("problem", problem);
        model.addAttribute("canRename", Actor.current().map(a -> a.cityWide()).orElse(false));
        return "org/admin-edit";
    }
}
