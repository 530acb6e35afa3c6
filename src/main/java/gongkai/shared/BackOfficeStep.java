package gongkai.shared;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A step taken from a back-office form (submit, review, extend a deadline…): it runs, and the page it came from
 * shows either what was done or every reason it was refused. Refusals of state (409) are shown like refused input,
 * so the clerk sees one kind of message box whatever the cause.
 */
public final class BackOfficeStep {

    private BackOfficeStep() {
    }

    /**
     * Runs {@code step}; on success flashes {@code done} (when not null) as the notice, on refusal flashes the
     * problem's report. Either way redirects to {@code page}.
     */
    public static String run(String page, RedirectAttributes redirect, Runnable step, String done) {
        try {
            step.run();
            if (done != null) {
                redirect.addFlashAttribute("notice", done);
            }
        } catch (InvalidInputProblem e) {
            redirect.addFlashAttribute("problem", e.report());
        } catch (ConflictProblem e) {
            redirect.addFlashAttribute("problem", new InvalidInputProblem("status", e.getMessage()).report());
        }
        return "redirect:" + page;
    }
}
