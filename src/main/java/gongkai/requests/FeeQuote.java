package gongkai.requests;

import java.math.BigDecimal;

/**
 * What a fee would be for a request, for staff deciding whether to charge.
 *
 * @param monthlyRank the request's place among the applicant's requests in its calendar month
 * @param perRequest  the fee by the per-request rule
 * @param pages       pages asked about (0 when none given)
 * @param perVolume   the fee by the per-volume rule for those pages
 */
public record FeeQuote(int monthlyRank, BigDecimal perRequest, int pages, BigDecimal perVolume) {
}
