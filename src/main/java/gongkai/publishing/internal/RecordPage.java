package gongkai.publishing.internal;

import java.util.List;

import org.springframework.data.domain.Page;

import gongkai.publishing.RecordSummary;

/**
 * One page of published records as {@code GET /api/v1/records} answers it.
 *
 * @param page       the page's number, from 0
 * @param size       records per page
 * @param total      records in all pages
 * @param totalPages how many pages there are
 */
record RecordPage(List<RecordSummary> records, int page, int size, long total, int totalPages) {

    static RecordPage of(Page<RecordSummary> page) {
        return new RecordPage(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
                page.getTotalPages());
    }
}
