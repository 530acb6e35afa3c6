package gongkai.shared;

import java.time.LocalDate;

/**
 * 社会监督员的任期: whether a social supervisor may file findings on a day. The feedback module, which appoints
 * supervisors, answers; the module that records findings asks, without depending on feedback.
 */
public interface SupervisorTerms {

    /** The supervisor's standing on {@code day} for the user {@code username}. */
    Standing standing(String username, LocalDate day);

    /**
     * @param reference how a finding names its source (the supervisor's name and number), or null for no supervisor
     * @param refusal   why they may not file on that day, in Chinese; null when they may
     */
    record Standing(String reference, String refusal) {

        public boolean mayFile() {
            return refusal == null;
        }
    }
}
