package gongkai.requests;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A review or lawsuit registered against a request, as staff and the API read it.
 *
 * @param authority  the review body (复议机关) or the court
 * @param caseNumber its case number (案号), when known
 * @param decidedOn  the day it was decided; null while {@link AppealResult#PENDING}
 * @param recordedBy who registered it
 * @param recordedAt when it was registered
 */
public record Appeal(long id, AppealKind kind, String kindLabel, LocalDate filedOn, String authority,
        String caseNumber, AppealResult result, String resultLabel, LocalDate decidedOn, String recordedBy,
        Instant recordedAt) {
}
