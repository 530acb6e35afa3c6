package gongkai.region.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import gongkai.region.Regions;
import gongkai.shared.InvalidInputProblem;

/** Back office: the city office's admin renames regions and adds villages (村、社区) under townships. */
@Controller
@RequestMapping("/admin/regions")
class RegionAdminController {

    private final Regions regions;

    RegionAdminController(Regions regions) {
        this.regions = regions;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "360900") String parent, Model model) {
        return page(parent, model, null);
    }

    @PostMapping("/{code}/rename")
    String rename(@PathVariable String code, @RequestParam String name, @RequestParam String parent, Model model,
            RedirectAttributes redirect) {
        try {
            regions.rename(code, name);
        } catch (InvalidInputProblem e) {
            return page(parent, model, e);
        }
        redirect.addFlashAttribute("notice", "已更名，修改已记入审计日志。");
        return "redirect:/admin/regions?parent=" + parent;
    }

    @PostMapping("/{township}/villages")
    String addVillage(@PathVariable String township, @RequestParam String code, @RequestParam String name,
            Model model, RedirectAttributes redirect) {
        try {
            regions.addVillage(township, code, name);
        } catch (InvalidInputProblem e) {
            return page(township, model, e);
        }
        redirect.addFlashAttribute("notice", "已添加村（社区）：" + name.strip());
        return "redirect:/admin/regions?parent=" + township;
    }

    private String page(String parent, Model model, InvalidInputProblem problem) {
        model.addAttribute("parent", regions.get(parent));
        model.addAttribute("path", regions.path(parent));
        model.addAttribute("children", regions.children(parent));
        model.addAttribute("problem", problem);
        return "region/admin";
    }
}
