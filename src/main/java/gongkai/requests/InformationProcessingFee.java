package gongkai.requests;

import java.math.BigDecimal;

/**
 * 信息处理费 (art. 42; 国办函〔2020〕109号, regulatory.md §1c), both rules progressive (超额累进):
 * <ul>
 * <li>per request (按件), by the request's place among one applicant's requests in a calendar month: the first 10
 * free; the 11th to 30th 100 yuan each; from the 31st every further block of 10 costs 100 yuan more each (31st–40th
 * 200 yuan, 41st–50th 300 yuan, …);
 * <li>per volume (按量), by pages: up to 30 free; pages 31–100 at 10 yuan, 101–200 at 20 yuan, from 201 at 40 yuan.
 * </ul>
 */
public final class InformationProcessingFee {

    static final int FREE_REQUESTS = 10;
    static final int FIRST_BAND_LAST_REQUEST = 30;
    static final int REQUEST_BLOCK = 10;
    static final BigDecimal REQUEST_RATE_STEP = new BigDecimal("100.00");

    static final int FREE_PAGES = 30;

    private InformationProcessingFee() {
    }

    /**
     * The fee of the {@code nth} request of an applicant in a calendar month.
     *
     * @throws IllegalArgumentException when nth is below 1
     */
    public static BigDecimal perRequest(int nth) {
        if (nth < 1) {
            throw new IllegalArgumentException("Requests are numbered from 1, not " + nth);
        }
        if (nth <= FREE_REQUESTS) {
            return BigDecimal.ZERO.setScale(2);
        }
        if (nth <= FIRST_BAND_LAST_REQUEST) {
            return REQUEST_RATE_STEP;
        }
        int blocks = (nth - FIRST_BAND_LAST_REQUEST + REQUEST_BLOCK - 1) / REQUEST_BLOCK;
        return REQUEST_RATE_STEP.multiply(BigDecimal.valueOf(1 + blocks));
    }

    /**
     * The fee for {@code pages} pages.
     *
     * @throws IllegalArgumentException when pages is negative
     */
    public static BigDecimal perVolume(int pages) {
        if (pages < 0) {
            throw new IllegalArgumentException("A number of pages cannot be negative: " + pages);
        }
        long yuan = 10L * band(pages, FREE_PAGES, 100) + 20L * band(pages, 100, 200) + 40L * band(pages, 200,
                Integer.MAX_VALUE);
        return BigDecimal.valueOf(yuan).setScale(2);
    }

    /**
     * Both rules in the words residents read (the 政府信息公开指南), from the same figures as the fees themselves; the
     * page bands are those of {@link #perVolume}.
     */
    public static String rule() {
        return "按件计收的，同一申请人一个自然月内累计申请" + FREE_REQUESTS + "件以下（含" + FREE_REQUESTS + "件）的不收费，第"
                + (FREE_REQUESTS + 1) + "至" + FIRST_BAND_LAST_REQUEST + "件每件" + REQUEST_RATE_STEP.intValue() + "元，第"
                + (FIRST_BAND_LAST_REQUEST + 1) + "件起以" + REQUEST_BLOCK + "件为一档，每增加一档每件提高"
                + REQUEST_RATE_STEP.intValue() + "元；按量计收的，同一申请公开事项" + FREE_PAGES + "页以下（含" + FREE_PAGES
                + "页）的不收费，第" + (FREE_PAGES + 1) + "至100页每页10元，第101至200页每页20元，200页以上每页40元。两种方式只选其一。";
    }

    /** Pages above {@code from} up to {@code to}. */
    private static int band(int pages, int from, int to) {
        return Math.max(0, Math.min(pages, to) - from);
    }
}
