package gongkai.publishing.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

import gongkai.publishing.RecordStatus;
import gongkai.publishing.RecordView;

/**
 * What every change through {@code /api/v1/records} answers: where the record stands now, as its staff see it.
 *
 * @param indexNo    the index number once published, the draft key ({@code draft-N}) before
 * @param permanent  whether {@code indexNo} is the permanent index number
 * @param audience   {@code public} or {@code targeted}
 * @param accessCode a targeted record's access code, once it has one
 * @param masked     after a masking: how many findings were masked
 * @param rows       after an import of structured rows: how many rows were imported
 */
record RecordState(String indexNo, boolean permanent, RecordStatus status, String title, int version,
        String catalogItem, String org, String region, String audience,
        @JsonInclude(Include.NON_NULL) String accessCode, @JsonInclude(Include.NON_NULL) Integer masked,
        @JsonInclude(Include.NON_NULL) Integer rows) {

    /** The state shown by the record's working copy. */
    static RecordState of(RecordView view) {
        return new RecordState(view.ref(), view.indexNo() != null, view.status(), view.title(), view.version(),
                view.catalogItem(), view.org(), view.region(), view.audience().code(), view.accessCode(), null, null);
    }

    RecordState withMasked(int count) {
        return new RecordState(indexNo, permanent, status, title, version, catalogItem, org, region, audience,
                accessCode, count, rows);
    }

    RecordState withRows(int count) {
        return new RecordState(indexNo, permanent, status, title, version, catalogItem, org, region, audience,
                accessCode, masked, count);
    }
}
