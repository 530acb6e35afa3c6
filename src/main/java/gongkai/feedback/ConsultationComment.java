package gongkai.feedback;

import java.time.Instant;

import gongkai.privacy.Masking;

/**
 * A comment on a consultation as the body's staff see it. The public sees only {@link #publicName()} and the text of
 * a comment that is {@link CommentModeration#SHOWN}.
 */
public record ConsultationComment(long id, long consultationId, String authorName, String text,
        CommentModeration moderation, Integer decisionGroup, ConsultationDecision decision, String reason,
        Instant receivedAt, boolean demo) {

    /** The author as the public page names them: masked, or 网友 when no name was given. */
    public String publicName() {
        return authorName == null || authorName.isBlank() ? "网友" : Masking.name(authorName);
    }

    public boolean shown() {
        return moderation == CommentModeration.SHOWN;
    }
}
