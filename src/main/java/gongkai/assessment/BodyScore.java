package gongkai.assessment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One body's assessment: its score per indicator (0–100), its total (the weighted sum, out of 100) and its rank, equal
 * totals sharing a rank. {@code basis} says for each indicator what the score was computed from, down to the
 * obligations, requests and findings.
 */
public record BodyScore(String org, String name, BigDecimal score, int rank, Map<String, BigDecimal> parts,
        Map<String, Basis> basis) {

    /**
     * @param summary what was counted, in words (e.g. 应公开24项，按时20项，逾期公开2项，逾期未公开2项)
     * @param items   the things behind it: obligations, index numbers, findings
     * @param link    where the public can check it on the platform
     */
    public record Basis(String summary, List<String> items, String link) {
        public Basis {
            items = List.copyOf(items);
        }
    }
}
