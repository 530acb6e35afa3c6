package gongkai.assessment.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import gongkai.assessment.AssessmentGroup;
import gongkai.assessment.AssessmentResult;
import gongkai.assessment.Assessments;
import gongkai.assessment.Indicator;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.ConflictProblem;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.NotFoundProblem;

/**
 * The public results ({@code /assessment}, {@code /assessment/{year}}) and the city office's draft, indicators and
 * publication ({@code /admin/assessment}).
 */
@Controller
class AssessmentPageController {

    private final Assessments assessments;
    private final StatusYears years;
    private final WebsiteSelfInspection inspection;

    AssessmentPageController(Assessments assessments, StatusYears years, WebsiteSelfInspection inspection) {
        this.assessments = assessments;
        this.years = years;
        this.inspection = inspection;
    }

    /** Runs the website self-inspection now, for a city office that wants today's links in the draft. */
    @PostMapping("/admin/assessment/website-check")
    String websiteCheck(@RequestParam int year, @RequestParam String group, RedirectAttributes redirect) {
        if (!assessments.mayManage(Actor.require())) {
            throw new AccessDeniedProblem("只有市政府办公室的管理员可以运行网站自查。");
        }
        if (!inspection.available()) {
            throw new ConflictProblem("本节点没有可供检查的网站服务，无法运行网站自查。");
        }
        int broken = inspection.runNow();
        redirect.addFlashAttribute("notice", "网站自查已完成，发现不能访问的链接" + broken + "个。");
        return "redirect:/admin/assessment?year=" + year + "&group=" + AssessmentApiController.group(group).name();
    }

    @GetMapping("/assessment")
    String index(Model model) {
        model.addAttribute("years", assessments.publishedYears());
        return "assessment/assessment-index";
    }

    @GetMapping("/assessment/{year}")
    String year(@PathVariable int year, Model model) {
        List<AssessmentResult> results = new ArrayList<>();
        for (AssessmentGroup g : AssessmentGroup.values()) {
            assessments.published(year, g).ifPresent(results::add);
        }
        if (results.isEmpty()) {
            throw new NotFoundProblem(year + "年的考核结果尚未公布。");
        }
        model.addAttribute("year", year);
        model.addAttribute("results", results);
        return "assessment/assessment-year";
    }

    @GetMapping("/admin/assessment")
    String draft(@RequestParam(required = false) Integer year, @RequestParam(required = false) String group,
            Model model) {
        return render(model, years.require(year), AssessmentApiController.group(group), null, null);
    }

    @PostMapping("/admin/assessment/indicators")
    String configure(@RequestParam int year, @RequestParam String group, @RequestParam List<String> code,
            @RequestParam List<String> name, @RequestParam List<String> weight, Model model,
            RedirectAttributes redirect) {
        AssessmentGroup g = AssessmentApiController.group(group);
        List<Indicator> wanted = new ArrayList<>();
        for (int i = 0; i < code.size(); i++) {
            wanted.add(new Indicator(code.get(i), i < name.size() ? name.get(i) : "",
                    i < weight.size() ? number(weight.get(i)) : null));
        }
        try {
            assessments.configure(year, g, wanted, Actor.require());
        } catch (InvalidInputProblem | ConflictProblem e) {
            return render(model, year, g, e instanceof InvalidInputProblem p ? p
                    : new InvalidInputProblem("indicators", e.getMessage()), wanted);
        }
        redirect.addFlashAttribute("notice", "考核指标和权重已保存，修改已记入审计日志。");
        return "redirect:/admin/assessment?year=" + year + "&group=" + g.name();
    }

    @PostMapping("/admin/assessment/publish")
    String publish(@RequestParam int year, @RequestParam String group,
            @RequestParam(defaultValue = "false") boolean confirmed, Model model, RedirectAttributes redirect) {
        AssessmentGroup g = AssessmentApiController.group(group);
        if (!confirmed) {
            return render(model, year, g, new InvalidInputProblem("confirmed", "请先勾选“我已核对上述结果”，再公布。"), null);
        }
        assessments.publish(year, g, Actor.require());
        redirect.addFlashAttribute("notice", year + "年" + g.title() + "结果已公布。");
        return "redirect:/assessment/" + year;
    }

    private String render(Model model, int year, AssessmentGroup group, InvalidInputProblem problem,
            List<Indicator> entered) {
        Actor actor = Actor.require();
        if (!assessments.maySeeDrafts(actor)) {
            throw new AccessDeniedProblem("考核草稿只有市政府办公室和督查人员可以查看。");
        }
        Optional<AssessmentResult> published = assessments.published(year, group);
        model.addAttribute("year", year);
        model.addAttribute("years", years.all());
        model.addAttribute("group", group);
        model.addAttribute("groups", AssessmentGroup.values());
        model.addAttribute("result", published.orElseGet(() -> assessments.draft(year, group)));
        model.addAttribute("published", published.isPresent());
        model.addAttribute("indicators", entered != null ? entered : assessments.indicators(year, group));
        model.addAttribute("mayManage", assessments.mayManage(actor));
        model.addAttribute("problem", problem);
        return "assessment/admin-assessment";
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return BigDecimal.valueOf(-1);
        }
    }
}
