package gongkai.requests.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import gongkai.org.Organisations;
import gongkai.requests.ApplicantKind;
import gongkai.requests.DeliveryForm;
import gongkai.requests.IdType;
import gongkai.requests.ApplicantAccess;
import gongkai.requests.RequestIntake;
import gongkai.requests.NewRequest;
import gongkai.requests.RequestPhase;
import gongkai.requests.RequestStatistics;
import gongkai.requests.RequestView;
import gongkai.shared.ConflictProblem;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.NotFoundProblem;

/**
 * The public side: {@code /requests/new} (the form with its human check), {@code /requests/track} (follow a request
 * with its number and query code, send a correction, download the reply letter) and {@code /requests/statistics}.
 */
@Controller
class RequestPageController {

    private final RequestIntake intake;
    private final ApplicantAccess applicants;
    private final RequestStatistics statistics;
    private final ApplicationCheck applications;
    private final HumanCheck humanCheck;
    private final Organisations organisations;
    private final Clock clock;

    RequestPageController(RequestIntake intake, ApplicantAccess applicants, RequestStatistics statistics,
            ApplicationCheck applications, HumanCheck humanCheck, Organisations organisations, Clock clock) {
        this.intake = intake;
        this.applicants = applicants;
        this.statistics = statistics;
        this.applications = applications;
        this.humanCheck = humanCheck;
        this.organisations = organisations;
        this.clock = clock;
    }

    @InitBinder
    void codes(WebDataBinder binder) {
        FormCodes.register(binder);
    }

    @GetMapping("/requests/new")
    String form(@RequestParam(required = false) String org, Model model) {
        NewRequest blank = new NewRequest(org, ApplicantKind.NATURAL_PERSON, null, IdType.RESIDENT_ID,
                null, null, null, null, null, null, null, DeliveryForm.ONLINE, null);
        return form(model, blank, null);
    }

    @PostMapping("/requests/new")
    String submit(@ModelAttribute NewRequest input, @RequestParam(defaultValue = "") String humanCheckToken,
            @RequestParam(defaultValue = "") String humanCheckAnswer, Model model) {
        String nonce;
        try {
            nonce = humanCheck.verify(humanCheckToken, humanCheckAnswer);
        } catch (InvalidInputProblem wrong) {
            // Name the bad fields too, so that the person fixes everything at once.
            List<InvalidInputProblem.FieldError> errors = new ArrayList<>(wrong.errors());
            try {
                applications.check(input);
            } catch (InvalidInputProblem more) {
                errors.addAll(more.errors());
            }
            return form(model, input, new InvalidInputProblem(errors));
        }
        try {
            model.addAttribute("submitted", intake.submit(input, nonce));
        } catch (InvalidInputProblem e) {
            return form(model, input, e);
        }
        model.addAttribute("orgName", organisations.get(input.org().strip()).name());
        return "requests/submitted";
    }

    /**
     * The tracking form, or — for a link from before, or after a correction (flash attributes) — the request. Our own
     * pages post the query code instead, so that it stays out of addresses, browser history and referrers.
     */
    @GetMapping("/requests/track")
    String track(@RequestParam(required = false) String no, @RequestParam(required = false) String code,
            Model model) {
        return show(no != null ? no : (String) model.getAttribute("no"),
                code != null ? code : (String) model.getAttribute("code"), model);
    }

    @PostMapping("/requests/track")
    String trackPosted(@RequestParam(required = false) String no, @RequestParam(required = false) String code,
            Model model) {
        return show(no, code, model);
    }

    private String show(String no, String code, Model model) {
        model.addAttribute("no", no);
        if (no == null || no.isBlank() || code == null || code.isBlank()) {
            return "requests/track-form";
        }
        RequestView request;
        try {
            request = applicants.track(no, code);
        } catch (NotFoundProblem e) {
            model.addAttribute("message", e.getMessage());
            return "requests/track-form";
        }
        model.addAttribute("request", request);
        model.addAttribute("code", code);
        model.addAttribute("awaitingCorrection", request.phase() == RequestPhase.AWAITING_CORRECTION);
        return "requests/track";
    }

    @PostMapping("/requests/{no}/corrected")
    String corrected(@PathVariable String no, @RequestParam String code,
            @RequestParam(defaultValue = "") String description, RedirectAttributes redirect) {
        try {
            applicants.correctByApplicant(no, code, description);
            redirect.addFlashAttribute("notice", "已收到您补正后的申请，答复期限自今日起重新计算。");
        } catch (InvalidInputProblem e) {
            redirect.addFlashAttribute("problem", e.report());
        } catch (ConflictProblem e) {
            redirect.addFlashAttribute("problem", new InvalidInputProblem("status", e.getMessage()).report());
        }
        redirect.addFlashAttribute("no", no);
        redirect.addFlashAttribute("code", code);
        return "redirect:/requests/track";
    }

    @GetMapping("/requests/{no}/letter.pdf")
    ResponseEntity<byte[]> letter(@PathVariable String no, @RequestParam String code) {
        return RequestApiController.pdf(applicants.letterForApplicant(no, code));
    }

    /** The same letter, asked for by the tracking page's button: the code travels in the body, not the address. */
    @PostMapping("/requests/{no}/letter.pdf")
    ResponseEntity<byte[]> letterPosted(@PathVariable String no, @RequestParam String code) {
        return letter(no, code);
    }

    @GetMapping("/requests/statistics")
    String statistics(@RequestParam(required = false) Integer year, Model model) {
        int y = year(year);
        model.addAttribute("year", y);
        model.addAttribute("years", years());
        model.addAttribute("rows", statistics.overview(y));
        return "requests/statistics";
    }

    @GetMapping("/requests/statistics/{org}")
    String organisation(@PathVariable String org, @RequestParam(required = false) Integer year, Model model) {
        int y = year(year);
        model.addAttribute("year", y);
        model.addAttribute("years", years());
        model.addAttribute("stats", statistics.year(org, y));
        return "requests/statistics-org";
    }

    private String form(Model model, NewRequest values, InvalidInputProblem problem) {
        model.addAttribute("values", values);
        model.addAttribute("problem", problem);
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("kinds", ApplicantKind.values());
        model.addAttribute("idTypes", IdType.personal());
        model.addAttribute("forms", DeliveryForm.values());
        model.addAttribute("challenge", humanCheck.issue());
        return "requests/new";
    }

    private int year(Integer year) {
        int now = LocalDate.now(clock).getYear();
        return year == null || year < 2008 || year > now ? now : year;
    }

    private List<Integer> years() {
        int now = LocalDate.now(clock).getYear();
        List<Integer> years = new ArrayList<>();
        for (int y = now; y >= Math.max(2019, now - 6); y--) {
            years.add(y);
        }
        return years;
    }
}
