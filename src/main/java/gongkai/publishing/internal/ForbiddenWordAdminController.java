package gongkai.publishing.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import gongkai.publishing.ForbiddenWords;
import gongkai.shared.Actor;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.Role;

/** Back office: the forbidden-word list, read by every editor, kept by the city office's admin. */
@Controller
@RequestMapping("/admin/forbidden-words")
class ForbiddenWordAdminController {

    private final ForbiddenWords words;

    ForbiddenWordAdminController(ForbiddenWords words) {
        this.words = words;
    }

    @GetMapping
    String list(Model model) {
        Actor actor = Actor.require();
        model.addAttribute("words", words.list());
        model.addAttribute("canEdit", actor.cityWide() && actor.has(Role.ADMIN));
        return "publishing/admin-forbidden-words";
    }

    @PostMapping
    String add(@RequestParam String word, RedirectAttributes redirect) {
        try {
            words.add(word);
            redirect.addFlashAttribute("notice", "已添加禁用词“" + word.strip() + "”。");
        } catch (InvalidInputProblem e) {
            redirect.addFlashAttribute("problem", e.report());
        }
        return "redirect:/admin/forbidden-words";
    }

    @PostMapping("/remove")
    String remove(@RequestParam String word, RedirectAttributes redirect) {
        try {
            words.remove(word);
            redirect.addFlashAttribute("notice", "已删除禁用词“" + word + "”。");
        } catch (InvalidInputProblem e) {
            redirect.addFlashAttribute("problem", e.report());
        }
        return "redirect:/admin/forbidden-words";
    }
}
