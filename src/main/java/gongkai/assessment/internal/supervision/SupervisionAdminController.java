package gongkai.assessment.internal.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import gongkai.assessment.CheckRecorded;
import gongkai.assessment.CheckScope;
import gongkai.assessment.FindingDetail;
import gongkai.assessment.FindingStatus;
import gongkai.assessment.NewCheck;
import gongkai.assessment.Supervision;
import gongkai.assessment.SupervisionFinding;
import gongkai.org.Organisations;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.TodoSource;
import gongkai.shared.Todos;
import gongkai.shared.BackOfficeStep;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.Role;

/**
 * Back office for 督查整改: the findings (every body's for auditors and the city office, one's own for others,
 * overdue first), recording a check, a finding with its history and the steps the reader may take, and publishing a
 * quarter's summary.
 */
@Controller
@RequestMapping("/admin/supervision")
class SupervisionAdminController {

    private final Supervision supervision;
    private final Organisations organisations;
    private final gongkai.catalog.Catalog catalog;
    private final Clock clock;
    private final Todos todos;

    SupervisionAdminController(Supervision supervision, Organisations organisations, gongkai.catalog.Catalog catalog,
            Clock clock, Todos todos) {
        this.todos = todos;
        this.supervision = supervision;
        this.organisations = organisations;
        this.catalog = catalog;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) String org, @RequestParam(required = false) String status,
            Model model) {
        Actor actor = Actor.require();
        FindingStatus only = Arrays.stream(FindingStatus.values()).filter(s -> s.name().equals(status)).findFirst()
                .orElse(null);
        boolean all = supervision.seesAllBodies(actor);
        List<SupervisionFinding> findings = supervision.overview(actor, org, only);
        model.addAttribute("findings", findings);
        model.addAttribute("overdueCount", findings.stream().filter(SupervisionFinding::overdue).count());
        model.addAttribute("organisations", all ? organisations.all() : List.of());
        model.addAttribute("org", all ? org : actor.orgCode());
        model.addAttribute("status", only == null ? null : only.name());
        model.addAttribute("statuses", FindingStatus.values());
        model.addAttribute("canRecord", actor.has(Role.AUDITOR));
        model.addAttribute("canPublish", supervision.mayPublishSummaries(actor));
        model.addAttribute("published", supervision.publishedQuarters());
        model.addAttribute("todos", todos.of(TodoSource.SUPERVISION));
        return "assessment/supervision-admin-list";
    }

    @GetMapping("/new")
    String newCheck(@RequestParam(required = false) String org, @RequestParam(required = false) String item,
            @RequestParam(required = false) String problem, Model model) {
        requireAuditor();
        LocalDate today = LocalDate.now(clock);
        return form(model, item == null && problem == null ? CheckForm.empty(org, today)
                : CheckForm.about(org, item, problem, today), null, Map.of());
    }

    @PostMapping("/new")
    String record(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        Actor actor = requireAuditor();
        CheckForm form = CheckForm.read(params);
        NewCheck check;
        try {
            check = form.toCheck();
        } catch (InvalidInputProblem e) {
            return form(model, form, e, CheckForm.byField(e));
        }
        CheckRecorded recorded;
        try {
            recorded = supervision.recordCheck(check, actor);
        } catch (InvalidInputProblem e) {
            return form(model, form, e, form.rowErrors(e));
        }
        redirect.addFlashAttribute("notice", recorded.findingIds().isEmpty() ? "已记录督查，未发现问题。"
                : "已记录督查，发现问题" + recorded.findingIds().size() + "个，已通知被督查机构整改。");
        return "redirect:/admin/supervision";
    }

    @GetMapping("/findings/{id}")
    String finding(@PathVariable long id, Model model) {
        FindingDetail detail = supervision.finding(id, Actor.require());
        model.addAttribute("f", detail.finding());
        model.addAttribute("itemName", detail.finding().catalogItem() == null ? null
                : catalog.item(detail.finding().catalogItem()).map(i -> i.name()).orElse(detail.finding().catalogItem()));
        model.addAttribute("history", detail.history());
        model.addAttribute("can", detail.actions().byName());
        model.addAttribute("anyAction", detail.actions().any());
        return "assessment/supervision-admin-finding";
    }

    @PostMapping("/findings/{id}/rectify")
    String rectify(@PathVariable long id, @RequestParam(defaultValue = "") String text, RedirectAttributes redirect) {
        return act(id, redirect, () -> supervision.rectify(id, text, Actor.require()), "已提交整改情况，等待督查人员确认。");
    }

    @PostMapping("/findings/{id}/accept")
    String accept(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> supervision.accept(id, Actor.require()), "已确认整改，该问题已销号。");
    }

    @PostMapping("/findings/{id}/reopen")
    String reopen(@PathVariable long id, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> supervision.reopen(id, reason, Actor.require()), "已退回重新整改。");
    }

    @PostMapping("/summaries")
    String publish(@RequestParam(defaultValue = "") String quarter, RedirectAttributes redirect) {
        String[] title = {null};
        String page = BackOfficeStep.run("/admin/supervision", redirect,
                () -> title[0] = supervision.publishSummary(quarter, Actor.require()).title(), null);
        if (title[0] != null) {
            redirect.addFlashAttribute("notice", "已发布" + title[0] + "督查整改情况通报。");
        }
        return page;
    }

    private static String act(long id, RedirectAttributes redirect, Runnable step, String done) {
        return BackOfficeStep.run("/admin/supervision/findings/" + id, redirect, step, done);
    }

    private static Actor requireAuditor() {
        Actor actor = Actor.require();
        if (!actor.has(Role.AUDITOR)) {
            throw new AccessDeniedProblem("只有督查人员可以记录督查情况。");
        }
        return actor;
    }

    private String form(Model model, CheckForm form, InvalidInputProblem problem, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("problem", problem == null ? null : problem.report());
        model.addAttribute("errors", errors);
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("scopes", CheckScope.values());
        model.addAttribute("items", catalog.items().stream().filter(i -> !i.retired()).toList());
        return "assessment/supervision-admin-new";
    }
}
