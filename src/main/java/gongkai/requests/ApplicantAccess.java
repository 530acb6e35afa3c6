package gongkai.requests;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gongkai.requests.internal.InformationRequestEntity;
import gongkai.requests.internal.IntakeGuard;
import gongkai.requests.internal.RequestStore;
import gongkai.requests.internal.RequestSteps;
import gongkai.requests.internal.RequestViews;
import gongkai.shared.NotFoundProblem;

/**
 * What the applicant does with the tracking number and the query code: follow the request, send the corrected
 * application, and fetch the reply letter. A wrong number and a wrong code get the same answer, every look-up is
 * logged, and an address that keeps guessing is refused for a while.
 */
@Service
@Transactional
public class ApplicantAccess {

    private final RequestStore store;
    private final IntakeGuard guard;
    private final RequestSteps steps;
    private final RequestViews views;

    ApplicantAccess(RequestStore store, IntakeGuard guard, RequestSteps steps, RequestViews views) {
        this.store = store;
        this.guard = guard;
        this.steps = steps;
        this.views = views;
    }

    /**
     * The request as its applicant sees it: their details masked, and only the steps they are told of.
     *
     * @throws NotFoundProblem when the number or the code is wrong
     */
    @Transactional(readOnly = true)
    public RequestView track(String trackingNo, String code) {
        return views.view(applicantsOwn(trackingNo, code), true);
    }

    /** The corrected application, sent by the applicant with the code: the clock starts again today. */
    public RequestView correctByApplicant(String trackingNo, String code, String description) {
        InformationRequestEntity request = applicantsOwn(trackingNo, code);
        steps.correct(request, description, steps.today(), RequestSteps.APPLICANT);
        return views.view(request, true);
    }

    /** The reply letter for the applicant (with the code). */
    @Transactional(readOnly = true)
    public Letter letterForApplicant(String trackingNo, String code) {
        return views.letter(applicantsOwn(trackingNo, code));
    }

    private InformationRequestEntity applicantsOwn(String trackingNo, String code) {
        String no = trackingNo == null ? "" : trackingNo.strip();
        InformationRequestEntity request = store.find(no).orElse(null);
        if (!guard.attempt(no, code, request == null ? null : request.getQueryCodeSha256())) {
            throw new NotFoundProblem("申请编号或查询码不正确。");
        }
        return request;
    }
}
