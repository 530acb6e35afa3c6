package gongkai.catalog.internal;

import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import gongkai.catalog.Audience;
import gongkai.catalog.Catalog;
import gongkai.catalog.CatalogItem;
import gongkai.catalog.FieldAmendment;
import gongkai.catalog.FieldType;
import gongkai.catalog.ItemAmendment;
import gongkai.org.Organisations;
import gongkai.shared.InvalidInputProblem;

/** Back office: the city office's admin amends catalogue items and their schemas. */
@Controller
@RequestMapping("/admin/catalog")
class CatalogAdminController {

    private final Catalog catalog;
    private final Organisations organisations;

    CatalogAdminController(Catalog catalog, Organisations organisations) {
        this.catalog = catalog;
        this.organisations = organisations;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("domains", catalog.domains());
        return "catalog/admin-list";
    }

    @GetMapping("/{code}")
    String edit(@PathVariable String code, Model model) {
        CatalogItem item = catalog.requireItem(code);
        return form(model, item, ItemAmendment.of(item), null);
    }

    @PostMapping("/{code}")
    String amend(@PathVariable String code, @RequestParam String name, @RequestParam Audience audience,
            @RequestParam String schedule, @RequestParam(defaultValue = "") String content,
            @RequestParam(defaultValue = "") String legalBasis, @RequestParam String subjectClass,
            @RequestParam(defaultValue = "") String channels, @RequestParam(required = false) List<String> ownerOrgs,
            @RequestParam(defaultValue = "false") boolean countyOwners,
            @RequestParam(defaultValue = "false") boolean retired,
            @RequestParam(defaultValue = "false") boolean policyDocument, Model model, RedirectAttributes redirect) {
        ItemAmendment amendment = new ItemAmendment(name, audience, schedule, content, legalBasis, subjectClass,
                splitList(channels), ownerOrgs == null ? List.of() : ownerOrgs, countyOwners, retired, policyDocument);
        try {
            catalog.amendItem(code, amendment);
        } catch (InvalidInputProblem e) {
            return form(model, catalog.requireItem(code), amendment, e);
        }
        redirect.addFlashAttribute("notice", "已保存，修改已记入审计日志。");
        return "redirect:/admin/catalog/" + code;
    }

    @PostMapping("/{code}/fields")
    String amendField(@PathVariable String code, @RequestParam String fieldName, @RequestParam FieldType type,
            @RequestParam(defaultValue = "false") boolean required,
            @RequestParam(defaultValue = "false") boolean personal, @RequestParam(defaultValue = "") String choices,
            @RequestParam(defaultValue = "") String unitField, Model model, RedirectAttributes redirect) {
        try {
            catalog.amendField(code, new FieldAmendment(fieldName, type, required, personal, splitList(choices),
                    unitField));
        } catch (InvalidInputProblem e) {
            CatalogItem item = catalog.requireItem(code);
            return form(model, item, ItemAmendment.of(item), e);
        }
        redirect.addFlashAttribute("notice", "字段“" + fieldName.strip() + "”已保存。");
        return "redirect:/admin/catalog/" + code;
    }

    private String form(Model model, CatalogItem item, ItemAmendment values, InvalidInputProblem problem) {
        model.addAttribute("item", item);
        model.addAttribute("values", values);
        model.addAttribute("channelsText", String.join("、", values.channels()));
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("subjectClasses", catalog.subjectClasses().paths());
        model.addAttribute("fieldTypes", FieldType.values());
        model.addAttribute("audiences", Audience.values());
        model.addAttribute("problem", problem);
        return "catalog/admin-edit";
    }

    /** Lists typed in one box, separated by the Chinese or Latin comma or 、. */
    static List<String> splitList(String text) {
        return Arrays.stream(text.split("[、,，;；\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
