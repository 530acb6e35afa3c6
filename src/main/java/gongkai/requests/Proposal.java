package gongkai.requests;

import java.util.List;

/**
 * A proposal to disclose proactively what was disclosed on request (art. 44): a draft record under a catalogue item of
 * the handling organisation, which then goes through the usual review.
 *
 * @param related tracking numbers of other requests of the organisation that asked for the same information and had it
 *                disclosed; with this one they must come from at least two applicants, unless the applicant suggested
 *                the proactive disclosure
 */
public record Proposal(String catalogItem, String title, String summary, List<String> related) {
}
