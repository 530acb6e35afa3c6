package gongkai.environment.internal;

import java.io.IOException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import gongkai.environment.Enterprise;
import gongkai.environment.MonitoringFrequency;
import gongkai.environment.OutletKind;
import gongkai.environment.PollutionSources;
import gongkai.region.Region;
import gongkai.region.Regions;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.BackOfficeStep;
import gongkai.shared.InvalidInputProblem;

/**
 * The back office of pollution-source monitoring: the bureau's view (periods missing or late, recent exceedances,
 * the enterprises, registering one) for the environment office's staff; and an enterprise's own page (its outlets,
 * the CSV upload, its history), which is all an enterprise's people see of the back office.
 */
@Controller
@RequestMapping("/admin/pollution")
class PollutionAdminController {

    private final PollutionSources sources;
    private final Regions regions;

    PollutionAdminController(PollutionSources sources, Regions regions) {
        this.sources = sources;
        this.regions = regions;
    }

    @GetMapping
    String overview(Model model) {
        Actor actor = Actor.require();
        var own = sources.enterpriseOf(actor);
        if (own.isPresent()) {
            return "redirect:/admin/pollution/" + own.get().creditCode();
        }
        if (!sources.maySupervise(actor)) {
            throw new AccessDeniedProblem("污染源监测的监管页面由生态环境部门的工作人员使用。");
        }
        model.addAttribute("gaps", sources.gaps());
        model.addAttribute("exceedances", sources.recentExceedances(30));
        model.addAttribute("enterprises", sources.enterprises());
        model.addAttribute("mayRegister", sources.mayRegister(actor));
        model.addAttribute("graceDaily", sources.graceDays(MonitoringFrequency.DAILY));
        model.addAttribute("graceMonthly", sources.graceDays(MonitoringFrequency.MONTHLY));
        model.addAttribute("graceQuarterly", sources.graceDays(MonitoringFrequency.QUARTERLY));
        return "environment/pollution-admin";
    }

    @GetMapping("/new")
    String registerForm(Model model) {
        requireRegistrar();
        return registerForm(model, new PollutionSources.NewEnterprise("", "", "", ""), null);
    }

    @PostMapping("/new")
    String register(@ModelAttribute("enterprise") PollutionSources.NewEnterprise in, Model model,
            RedirectAttributes redirect) {
        requireRegistrar();
        Enterprise e;
        try {
            e = sources.register(in);
        } catch (InvalidInputProblem p) {
            return registerForm(model, in, p);
        }
        redirect.addFlashAttribute("notice", "已登记" + e.name() + "，登记已记入审计日志。");
        return "redirect:/admin/pollution/" + e.creditCode();
    }

    private String registerForm(Model model, PollutionSources.NewEnterprise in, InvalidInputProblem problem) {
        model.addAttribute("enterprise", in);
        model.addAttribute("problem", problem == null ? null : problem.report());
        java.util.List<Region> choices = new java.util.ArrayList<>();
        regions.all().stream().filter(r -> regions.isTop(r.code())).forEach(choices::add);
        choices.addAll(regions.countyLevel());
        model.addAttribute("regionChoices", choices);
        return "environment/pollution-admin-new";
    }

    private void requireRegistrar() {
        if (!sources.mayRegister(Actor.require())) {
            throw new AccessDeniedProblem("重点排污单位由市政府办公室的管理员或生态环境部门的信息员、审核人登记。");
        }
    }

    @GetMapping("/{creditCode}")
    String enterprise(@PathVariable String creditCode, @RequestParam(defaultValue = "1") int page, Model model) {
        Enterprise e = sources.get(creditCode);
        Actor actor = Actor.require();
        boolean mayUpload = sources.mayUpload(actor, e);
        if (!mayUpload && !sources.maySupervise(actor)) {
            throw new AccessDeniedProblem("您只能查看本单位的监测数据。");
        }
        model.addAttribute("enterprise", e);
        model.addAttribute("outlets", sources.outlets(e.creditCode()));
        model.addAttribute("results", sources.results(e.creditCode(), page, PollutionPageController.PAGE_SIZE));
        model.addAttribute("mayUpload", mayUpload);
        model.addAttribute("mayAddUser", sources.mayRegister(actor));
        model.addAttribute("supervising", sources.maySupervise(actor));
        model.addAttribute("kinds", OutletKind.values());
        model.addAttribute("frequencies", MonitoringFrequency.values());
        return "environment/pollution-admin-enterprise";
    }

    @PostMapping("/{creditCode}/outlets")
    String defineOutlet(@PathVariable String creditCode, @ModelAttribute PollutionSources.NewOutlet outlet,
            RedirectAttributes redirect) {
        return BackOfficeStep.run("/admin/pollution/" + creditCode, redirect,
                () -> sources.defineOutlet(creditCode, outlet), "排放口" + outlet.code() + "已保存，已记入审计日志。");
    }

    @PostMapping("/{creditCode}/results")
    String upload(@PathVariable String creditCode, @RequestParam("file") MultipartFile file,
            RedirectAttributes redirect) {
        int[] n = { 0 };
        String page = BackOfficeStep.run("/admin/pollution/" + creditCode, redirect, () -> {
            try {
                n[0] = sources.importSheet(creditCode, file.getOriginalFilename() == null ? "上传的文件" : file.getOriginalFilename(), file.getBytes());
            } catch (IOException e) {
                throw new InvalidInputProblem("file", "文件读取失败，请重新上传。");
            }
        }, null);
        if (n[0] > 0) {
            redirect.addFlashAttribute("notice", "已上传" + n[0] + "条监测结果。");
        }
        return page;
    }

    @PostMapping("/{creditCode}/users")
    String addUser(@PathVariable String creditCode, @RequestParam String username, @RequestParam String displayName,
            @RequestParam String password, RedirectAttributes redirect) {
        return BackOfficeStep.run("/admin/pollution/" + creditCode, redirect,
                () -> sources.addUser(creditCode, username, displayName, password),
                "已创建用户" + username.strip() + "（信息员，只能上传本单位的监测结果）。");
    }
}
