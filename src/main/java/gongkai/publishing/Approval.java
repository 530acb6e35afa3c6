package gongkai.publishing;

import java.time.Instant;

/**
 * What an approval (审批) made of a record: its address afterwards (the index number once published), where it
 * stands, its published version, and when it is (or will be) public. For a return, the record is back with its
 * editor and nothing was published.
 *
 * @param ref     the index number, or the draft key while the record has never been published
 * @param version the published version now public; 0 before the first publication
 * @param at      when the approved version became or becomes public; null for a return
 */
public record Approval(String ref, RecordStatus status, int version, Instant at) {
}
