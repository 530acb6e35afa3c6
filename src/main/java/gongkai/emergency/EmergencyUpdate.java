package gongkai.emergency;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import gongkai.publishing.RecordStatus;

/**
 * One update of an emergency's timeline, with the record it was published as: the public sees it once the record is
 * published (and not withdrawn); staff see where it stands in the review. Title and summary are the record's
 * published ones where it has been published, else the working copy's for staff.
 */
public record EmergencyUpdate(long id, long emergencyId, UpdateKind kind, String recordRef, String indexNo,
        RecordStatus recordStatus, boolean open, String title, String summary, String org, String orgName,
        Instant asOf, String period, Map<String, BigDecimal> figures, List<NewEmergencyUpdate.Need> needs,
        boolean urgent, Instant createdAt, String createdBy, Instant confirmedAt, String confirmedBy) {

    public boolean awaitingConfirmation() {
        return urgent && confirmedAt == null;
    }
}
