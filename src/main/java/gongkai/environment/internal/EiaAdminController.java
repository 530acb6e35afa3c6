package gongkai.environment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import gongkai.environment.EiaCase;
import gongkai.environment.EiaCases;
import gongkai.environment.EiaDecision;
import gongkai.environment.EiaDocumentType;
import gongkai.environment.EiaNoticeInput;
import gongkai.environment.EiaStage;
import gongkai.environment.NewEiaCase;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.BackOfficeStep;
import gongkai.shared.InvalidInputProblem;

/**
 * Back office of the EIA cases for the environment office: the cases, a new case, and a case with its notices (the
 * next one's form, or why it cannot be posted yet, asked of the case itself), the comments received and the
 * response to them.
 */
@Controller
@RequestMapping("/admin/eia")
class EiaAdminController {

    private final EiaCases cases;
    private final Clock clock;

    EiaAdminController(EiaCases cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("cases", cases.allForStaff());
        model.addAttribute("mayManage", cases.mayManage(Actor.require()));
        return "environment/eia-admin-list";
    }

    @GetMapping("/new")
    String newCase(Model model) {
        requireManager();
        return form(model, new NewEiaCase(null, null, null, null, null, null, "REPORT", LocalDate.now(clock)), null);
    }

    @PostMapping("/new")
    String create(@RequestParam(defaultValue = "") String projectName, @RequestParam(defaultValue = "") String developer,
            @RequestParam(defaultValue = "") String regionCode, @RequestParam(defaultValue = "") String location,
            @RequestParam(defaultValue = "") String eiaAgency, @RequestParam(defaultValue = "") String approverOrg,
            @RequestParam(defaultValue = "") String documentType, @RequestParam(defaultValue = "") String receivedOn,
            Model model, RedirectAttributes redirect) {
        requireManager();
        NewEiaCase in = new NewEiaCase(projectName, developer, regionCode, location, eiaAgency, approverOrg,
                documentType, null);
        long id;
        try {
            in = new NewEiaCase(projectName, developer, regionCode, location, eiaAgency, approverOrg, documentType,
                    date("receivedOn", receivedOn, "受理日期"));
            id = cases.create(in);
        } catch (InvalidInputProblem e) {
            return form(model, in, e);
        }
        redirect.addFlashAttribute("notice", "已登记环评项目，请发起受理公示。");
        return "redirect:/admin/eia/" + id;
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        EiaCase c = cases.require(id);
        LocalDate today = LocalDate.now(clock);
        boolean manager = cases.mayManage(Actor.require());
        EiaStage next = c.next();
        model.addAttribute("c", cases.staffView(id));
        model.addAttribute("comments", cases.comments(id));
        model.addAttribute("mayManage", manager);
        model.addAttribute("next", next);
        model.addAttribute("nextDays", next == null ? 0 : cases.commentDays(next));
        model.addAttribute("whyNotPost", next == null ? null : c.whyNotPost(next, today).orElse(null));
        model.addAttribute("isPostApproval", next == EiaStage.POST_APPROVAL);
        model.addAttribute("decisions", EiaDecision.values());
        model.addAttribute("whyNotRespond", c.whyNotRespond().orElse(null));
        model.addAttribute("today", today);
        return "environment/eia-admin-case";
    }

    @PostMapping("/{id}/stages/{stage}")
    String post(@PathVariable long id, @PathVariable String stage, @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "") String startsOn, @RequestParam(defaultValue = "") String decision,
            @RequestParam(defaultValue = "") String approvalNo, RedirectAttributes redirect) {
        EiaStage s = EiaPageController.stage(stage);
        if (s == null) {
            throw new InvalidInputProblem("stage", "请选择要发起的公示阶段。");
        }
        return BackOfficeStep.run("/admin/eia/" + id, redirect, () -> cases.post(id, s,
                new EiaNoticeInput(text, date("startsOn", startsOn, "公示开始日期"), decision, approvalNo)),
                "已生成" + s.label() + "信息并提交审核；经审核、审批发布后，公示期内公众可提交意见。");
    }

    @PostMapping("/{id}/response")
    String respond(@PathVariable long id, @RequestParam(defaultValue = "") String response,
            RedirectAttributes redirect) {
        return BackOfficeStep.run("/admin/eia/" + id, redirect, () -> cases.respond(id, response),
                "已保存公众意见采纳情况，将随批后公告公开。");
    }

    private String form(Model model, NewEiaCase in, InvalidInputProblem problem) {
        Map<String, String> errors = problem == null ? Map.of() : EiaPageController.byField(problem);
        model.addAttribute("form", in);
        model.addAttribute("problem", problem == null ? null : problem.report());
        model.addAttribute("errors", new LinkedHashMap<>(errors));
        model.addAttribute("counties", cases.counties());
        model.addAttribute("approvers", cases.approvers());
        model.addAttribute("types", Arrays.asList(EiaDocumentType.values()));
        return "environment/eia-admin-new";
    }

    private static LocalDate date(String field, String text, String label) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputProblem(field, label + "应写作2026-10-08，而不是“" + text + "”。");
        }
    }

    private void requireManager() {
        if (!cases.mayManage(Actor.require())) {
            throw new AccessDeniedProblem("只有环境保护部门的信息员可以登记环评项目和发起公示。");
        }
    }
}
