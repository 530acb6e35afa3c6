package gongkai.publishing.internal;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import gongkai.catalog.Audience;
import gongkai.publishing.DocumentCategory;

/**
 * What a version of a record publishes: the text and metadata that a working copy holds and a published version
 * freezes. The same columns in {@code disclosure_record} (the working copy) and {@code record_version}; the hash of
 * a published version is made of them (see {@link ContentHash}). Immutable: an edit replaces it whole.
 *
 * @param period           the period a record of a scheduled item covers, canonical ({@code 2026-10},
 *                         {@code 2026-Q3}, {@code 2026}); null for an event item and for versions published before
 *                         records stated it
 * @param documentCategory 规章 or 行政规范性文件; null for any other document (never {@link DocumentCategory#OTHER}, so
 *                         that one meaning is stored one way)
 * @param validUntil       有效期至: the last day the document is in force by its own terms; null when it sets none
 */
@Embeddable
public record RecordContent(String regionCode, @Enumerated(EnumType.STRING) Audience audience, String title,
        String summary, String body, String documentNumber, LocalDate writtenOn, String keywords, String subjectClass,
        String dataJson, @Column(name = "reporting_period") String period,
        @Enumerated(EnumType.STRING) DocumentCategory documentCategory, LocalDate validUntil) {

    /** The published part of a working copy. */
    static RecordContent of(RecordEntity.WorkingCopy c) {
        return new RecordContent(c.region(), c.audience(), c.title(), c.summary(), c.body(), c.documentNumber(),
                c.writtenOn(), c.keywords(), c.subjectClass(), c.dataJson(), c.period(), c.documentCategory(),
                c.validUntil());
    }
}
