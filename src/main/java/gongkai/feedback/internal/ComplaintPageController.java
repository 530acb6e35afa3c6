package gongkai.feedback.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import gongkai.feedback.ComplaintCategory;
import gongkai.feedback.Complaints;
import gongkai.feedback.NewComplaint;
import gongkai.org.Organisations;
import gongkai.requests.HumanQuestions;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.PlatformConfiguration;
import gongkai.shared.TooManyRequestsProblem;

/**
 * The public complaint pages: the form ({@code /complaints/new}, with the request form's human question), following
 * a complaint with its number and code ({@code /complaints/track}, posted so the code stays out of addresses), and the
 * statistics per body ({@code /complaints/statistics}).
 */
@Controller
class ComplaintPageController {

    private final Complaints complaints;
    private final Organisations organisations;
    private final HumanQuestions humanQuestions;
    private final Clock clock;

    ComplaintPageController(Complaints complaints, Organisations organisations, HumanQuestions humanQuestions,
            Clock clock) {
        this.complaints = complaints;
        this.organisations = organisations;
        this.humanQuestions = humanQuestions;
        this.clock = clock;
    }

    /** The form, with a category and a subject preset when a link names them (the footer's 我为政府网站找错). */
    @GetMapping("/complaints/new")
    String form(@RequestParam(defaultValue = "") String category, @RequestParam(defaultValue = "") String subject,
            Model model) {
        String preset = subject.strip();
        return form(model, new NewComplaint("", category.strip(),
                preset.length() > 200 ? preset.substring(0, 200) : preset, "", "", "", false), null);
    }

    @PostMapping("/complaints/new")
    String submit(@RequestParam(defaultValue = "") String org, @RequestParam(defaultValue = "") String category,
            @RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String phone,
            @RequestParam(defaultValue = "false") boolean anonymous,
            @RequestParam(defaultValue = "") String humanCheckToken,
            @RequestParam(defaultValue = "") String humanCheckAnswer, Model model) {
        NewComplaint in = new NewComplaint(org, category, subject, description, name, phone, anonymous);
        try {
            humanQuestions.verify(humanCheckToken, humanCheckAnswer);
            model.addAttribute("receipt", complaints.submit(in));
            return "feedback/complaint-received";
        } catch (InvalidInputProblem e) {
            return form(model, in, e);
        } catch (TooManyRequestsProblem e) {
            return form(model, in, new InvalidInputProblem("description", e.getMessage()));
        }
    }

    private String form(Model model, NewComplaint in, InvalidInputProblem problem) {
        model.addAttribute("input", in);
        model.addAttribute("categories", ComplaintCategory.values());
        model.addAttribute("dueDays", complaints.dueDays(ComplaintCategory.NOT_DISCLOSED));
        model.addAttribute("orgs", organisations.all());
        model.addAttribute("problem", problem == null ? null : problem.report());
        model.addAttribute("errors", byField(problem));
        model.addAttribute("challenge", humanQuestions.issue());
        return "feedback/complaint-new";
    }

    @GetMapping("/complaints/track")
    String trackForm(Model model) {
        model.addAttribute("trackingNo", "");
        model.addAttribute("problem", null);
        return "feedback/complaint-track";
    }

    @PostMapping("/complaints/track")
    String track(@RequestParam(defaultValue = "") String trackingNo, @RequestParam(defaultValue = "") String code,
            Model model) {
        model.addAttribute("trackingNo", trackingNo);
        try {
            model.addAttribute("c", complaints.track(trackingNo, code));
            model.addAttribute("problem", null);
        } catch (InvalidInputProblem e) {
            model.addAttribute("problem", e.report());
        } catch (TooManyRequestsProblem e) {
            model.addAttribute("problem", new InvalidInputProblem("code", e.getMessage()).report());
        }
        return "feedback/complaint-track";
    }

    @GetMapping("/complaints/statistics")
    String statistics(@RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? LocalDate.now(clock.withZone(PlatformConfiguration.CHINA)).getYear() : year;
        if (y < 2000 || y > 2100) {
            throw new InvalidInputProblem("year", "年份应在2000年至2100年之间。");
        }
        model.addAttribute("year", y);
        model.addAttribute("rows", complaints.statistics(y));
        return "feedback/complaint-statistics";
    }

    static Map<String, String> byField(InvalidInputProblem e) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (e != null) {
            e.errors().forEach(f -> errors.merge(f.field(), f.message(), (a, b) -> a + "；" + b));
        }
        return errors;
    }
}
