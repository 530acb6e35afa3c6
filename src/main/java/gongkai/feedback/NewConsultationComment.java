package gongkai.feedback;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A comment from the public on a consultation (the body of {@code POST /api/v1/consultations/{id}/comments}).
 *
 * @param name     optional; shown masked (张**) with a public comment, never in full
 * @param isPublic whether the author wants it shown ({@code public} in JSON); shown only after moderation, and only
 *                 when true; missing means true
 */
public record NewConsultationComment(String text, String name, @JsonProperty("public") Boolean isPublic) {
}
