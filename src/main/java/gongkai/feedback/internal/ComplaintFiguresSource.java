package gongkai.feedback.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import gongkai.feedback.Complaints;
import gongkai.shared.ComplaintFigures;

/** The complaints' figures for the assessment's 投诉举报办理 indicator. */
@Component
class ComplaintFiguresSource implements ComplaintFigures {

    private final Complaints complaints;

    ComplaintFiguresSource(Complaints complaints) {
        this.complaints = complaints;
    }

    @Override
    public List<Figures> ofYear(int year) {
        return complaints.assessmentFigures(year);
    }
}
