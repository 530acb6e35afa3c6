package gongkai.assessment.internal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import gongkai.assessment.Assessments;
import gongkai.shared.Actor;

/**
 * Whether the signed-in person may open the assessment's drafts, asked of the same rule the page applies, so that the
 * back office's navigation offers {@code /admin/assessment} only to those it will not refuse.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class AssessmentNavigation {

    private final Assessments assessments;

    AssessmentNavigation(Assessments assessments) {
        this.assessments = assessments;
    }

    @ModelAttribute("mayOpenAssessment")
    boolean mayOpenAssessment() {
        return Actor.current().map(assessments::maySeeDrafts).orElse(false);
    }
}
