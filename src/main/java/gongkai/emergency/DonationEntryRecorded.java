package gongkai.emergency;

import java.time.Instant;

/** An entry was appended to a campaign's ledger; {@code contentSha256} is the hash of its public content. */
public record DonationEntryRecorded(long campaignId, long entryId, String contentSha256, Instant at) {
}
