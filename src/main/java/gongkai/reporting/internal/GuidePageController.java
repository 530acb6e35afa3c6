package gongkai.reporting.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import gongkai.org.Organisations;
import gongkai.reporting.Guide;
import gongkai.reporting.GuideText;
import gongkai.reporting.Guides;
import gongkai.shared.Actor;
import gongkai.shared.InvalidInputProblem;

/**
 * The 政府信息公开指南 pages: the public one ({@code /orgs/{code}/guide}, API.md), and the back-office one where the
 * body's admin edits the narrative and staff see what is missing and the earlier versions.
 */
@Controller
class GuidePageController {

    private final Guides guides;
    private final Organisations organisations;

    GuidePageController(Guides guides, Organisations organisations) {
        this.guides = guides;
        this.organisations = organisations;
    }

    @GetMapping("/orgs/{code}/guide")
    String guide(@PathVariable String code, Model model) {
        model.addAttribute("guide", guides.guide(code));
        return "reporting/guide";
    }

    @GetMapping("/admin/orgs/{code}/guide")
    String edit(@PathVariable String code, Model model) {
        Guide guide = guides.guide(code);
        return form(model, guide, new GuideText(text(guide, 0), text(guide, 1), text(guide, 2)), null);
    }

    @PostMapping("/admin/orgs/{code}/guide")
    String save(@PathVariable String code, @ModelAttribute("text") GuideText text, Model model,
            RedirectAttributes redirect) {
        int before = guides.guide(code).version();
        Guide saved;
        try {
            saved = guides.save(code, text);
        } catch (InvalidInputProblem e) {
            return form(model, guides.guide(code), text, e);
        }
        redirect.addFlashAttribute("notice", saved.version() == before ? "内容未修改，未生成新版本。"
                : "已保存为第" + saved.version() + "版，修改已记入审计日志。");
        return "redirect:/admin/orgs/" + code + "/guide";
    }

    @GetMapping("/admin/orgs/{code}/guide/versions/{version}")
    String version(@PathVariable String code, @PathVariable int version, Model model) {
        model.addAttribute("guide", guides.version(code, version));
        model.addAttribute("latest", guides.guide(code).version());
        return "reporting/admin-guide-version";
    }

    private String form(Model model, Guide guide, GuideText text, InvalidInputProblem problem) {
        model.addAttribute("guide", guide);
        model.addAttribute("org", organisations.get(guide.org()));
        model.addAttribute("text", text);
        model.addAttribute("problem", problem);
        model.addAttribute("refusal", guides.editRefusal(Actor.require(), guide.org()).orElse(null));
        model.addAttribute("versions", guides.versions(guide.org()));
        model.addAttribute("maxLength", GuideText.MAX_LENGTH);
        return "reporting/admin-guide";
    }

    private static String text(Guide guide, int section) {
        return guide.sections().get(section).text();
    }
}
