package gongkai.requests;

import java.math.BigDecimal;

/**
 * 信息处理费 collected in a year (see {@link RequestStatistics#fees}).
 *
 * @param requestsCharged the requests whose fee was paid in the year
 * @param collectedYuan   what they paid, in yuan with two decimals
 */
public record FeeFigures(int requestsCharged, BigDecimal collectedYuan) {
}
