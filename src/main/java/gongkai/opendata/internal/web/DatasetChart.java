package gongkai.opendata.internal.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import gongkai.catalog.CatalogField;
import gongkai.catalog.CatalogItem;
import gongkai.catalog.FieldType;
import gongkai.opendata.Dataset;
import gongkai.opendata.Datasets;

/**
 * The bar chart of a dataset's page: the sum of its first summable figure column (an amount, a whole number, or a
 * quantity without a unit column, since units that differ row by row do not add up), over all its rows, for each
 * value of its first choice column (救助项目, say: where the money went) or, without one, for each year. Drawn on
 * the server as HTML rows with an SVG bar each, so the labels stay text (readable in 长者模式, converted in 繁體).
 *
 * @param caption what the bars add up, for the table's caption
 * @param heading the group column's heading
 * @param value   the figure column's heading, with its unit
 * @param bars    one per group
 */
record DatasetChart(String caption, String heading, String value, List<Bar> bars) {

    /** Above so many rows the page does not add them up: a download is the way to analyse them. */
    static final long MAX_ROWS = 50_000;

    /**
     * One bar.
     *
     * @param width its length in percent of the longest, as the SVG's rect width
     */
    record Bar(String label, String figure, String width) {
    }

    /** The chart of the dataset, or null when it has no column to add up, no rows, or too many of them. */
    static DatasetChart of(Dataset dataset, CatalogItem item, Datasets datasets) {
        if (dataset.rowCount() == 0 || dataset.rowCount() > MAX_ROWS) {
            return null;
        }
        List<CatalogField> fields = item.fields();
        int figure = -1;
        int group = -1;
        for (int i = 0; i < fields.size(); i++) {
            CatalogField f = fields.get(i);
            boolean summable = f.type() == FieldType.AMOUNT || f.type() == FieldType.INTEGER
                    || f.type() == FieldType.QUANTITY && f.unitField() == null;
            if (figure < 0 && summable) {
                figure = i;
            }
            if (group < 0 && f.type() == FieldType.CHOICE) {
                group = i;
            }
        }
        if (figure < 0) {
            return null;
        }
        CatalogField f = fields.get(figure);
        // The dataset's columns start with the item's fields, in their order.
        int figureAt = figure;
        String value = f.type() == FieldType.AMOUNT && !f.name().contains("元") ? f.name() + "（元）" : f.name();
        if (group >= 0) {
            int groupAt = group;
            Map<String, BigDecimal> sums = new LinkedHashMap<>();
            datasets.rows(dataset, null, 0, row -> add(sums, row.get(groupAt).strip(), row.get(figureAt)));
            if (sums.size() > 1) {
                List<Map.Entry<String, BigDecimal>> sorted = new ArrayList<>(sums.entrySet());
                sorted.sort(Map.Entry.<String, BigDecimal>comparingByValue().reversed());
                String name = fields.get(group).name();
                return chart("各" + name + "的" + f.name() + "合计", name, value, sorted, f.type());
            }
        }
        Map<String, BigDecimal> byYear = new LinkedHashMap<>();
        for (Integer year : dataset.rowsByYear().keySet()) {
            String label = year + "年";
            datasets.rows(dataset, year, 0, row -> add(byYear, label, row.get(figureAt)));
        }
        return chart("各年度的" + f.name() + "合计", "年度", value, new ArrayList<>(byYear.entrySet()), f.type());
    }

    private static void add(Map<String, BigDecimal> sums, String key, String raw) {
        BigDecimal n = number(raw);
        if (n != null) {
            sums.merge(key.isEmpty() ? "（未填）" : key, n, BigDecimal::add);
        }
    }

    private static BigDecimal number(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(raw.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            return null; // a value entered before its field's rule: left out of the sum
        }
    }

    private static DatasetChart chart(String caption, String heading, String value,
            List<Map.Entry<String, BigDecimal>> sums, FieldType type) {
        if (sums.isEmpty()) {
            return null;
        }
        BigDecimal max = sums.stream().map(Map.Entry::getValue).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        DecimalFormat format = new DecimalFormat(type == FieldType.AMOUNT ? "#,##0.00" : "#,##0.######",
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        List<Bar> bars = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> e : sums) {
            BigDecimal v = e.getValue();
            BigDecimal width = max.signum() <= 0 || v.signum() <= 0 ? BigDecimal.ZERO
                    : v.multiply(BigDecimal.valueOf(100)).divide(max, 1, RoundingMode.HALF_UP);
            bars.add(new Bar(e.getKey(), format.format(v), width.toPlainString()));
        }
        return new DatasetChart(caption, heading, value, List.copyOf(bars));
    }
}
