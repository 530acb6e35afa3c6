package gongkai.requests;

import java.time.LocalDate;

/**
 * The result of a review or lawsuit (the body of {@code PUT /api/v1/requests/{no}/appeals/{id}}).
 *
 * @param result    {@code UPHELD}, {@code CORRECTED}, {@code OTHER} or {@code PENDING}
 * @param decidedOn the day it was decided; required unless pending, and ignored then
 */
public record AppealDecision(String result, LocalDate decidedOn) {
}
