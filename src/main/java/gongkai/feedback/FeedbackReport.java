package gongkai.feedback;

import java.util.List;

/**
 * A body's feedback report (采纳情况) on a closed consultation: a summary and, for each comment or group of comments
 * answered together, the decision and its reason (the body of {@code POST /api/v1/consultations/{id}/report}).
 */
public record FeedbackReport(String summary, List<Group> groups) {

    /** Comments answered together: their ids, ADOPTED / PARTLY / NOT_ADOPTED, and why. */
    public record Group(List<Long> comments, String decision, String reason) {
    }
}
