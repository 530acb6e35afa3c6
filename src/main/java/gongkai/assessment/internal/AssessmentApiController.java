package gongkai.assessment.internal;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import gongkai.assessment.AssessmentGroup;
import gongkai.assessment.AssessmentResult;
import gongkai.assessment.Assessments;
import gongkai.assessment.Indicator;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.Codes;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.NotFoundProblem;

/** {@code /api/v1/assessment/{year}} (API.md): the published result, the draft, its indicators, publication. */
@RestController
class AssessmentApiController {

    private final Assessments assessments;
    private final StatusYears years;

    AssessmentApiController(Assessments assessments, StatusYears years) {
        this.assessments = assessments;
        this.years = years;
    }

    @GetMapping("/api/v1/assessment/{year}")
    AssessmentResult published(@PathVariable int year, @RequestParam(required = false) String group) {
        AssessmentGroup g = group(group);
        return assessments.published(year, g)
                .orElseThrow(() -> new NotFoundProblem(year + "年的" + g.title() + "结果尚未公布。"));
    }

    @GetMapping("/api/v1/assessment/{year}/draft")
    AssessmentResult draft(@PathVariable int year, @RequestParam(required = false) String group) {
        if (!assessments.maySeeDrafts(Actor.require())) {
            throw new AccessDeniedProblem("考核草稿只有市政府办公室和督查人员可以查看。");
        }
        return assessments.draft(years.require(year), group(group));
    }

    @PutMapping("/api/v1/assessment/{year}/indicators")
    List<Indicator> configure(@PathVariable int year, @RequestParam(required = false) String group,
            @RequestBody List<Indicator> indicators) {
        return assessments.configure(years.require(year), group(group), indicators, Actor.require());
    }

    @PostMapping("/api/v1/assessment/{year}/publish")
    AssessmentResult publish(@PathVariable int year, @RequestParam(required = false) String group) {
        return assessments.publish(years.require(year), group(group), Actor.require());
    }

    static AssessmentGroup group(String group) {
        if (group == null || group.isBlank()) {
            return AssessmentGroup.GOVERNMENT;
        }
        AssessmentGroup g = Codes.parse(AssessmentGroup.class, group);
        if (g == null) {
            throw new InvalidInputProblem("group", "考核对象只能是 GOVERNMENT（政府部门和县区）或 INSTITUTIONS（公共企事业单位和社会组织）。");
        }
        return g;
    }
}
