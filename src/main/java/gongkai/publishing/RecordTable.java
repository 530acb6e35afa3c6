package gongkai.publishing;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import gongkai.catalog.CatalogField;
import gongkai.catalog.FieldType;

/**
 * A record's structured rows as the public page shows them: figures with thousands separators, each heading with
 * the unit the item's schema knows (元 for amounts, a quantity's unit when its unit column names one unit), and a
 * 合计 row when the table holds money. The stored values stay as entered: this is for reading only, the API keeps
 * the plain values. Public so that other pages showing rows of an item (a dataset's preview) read the same.
 *
 * @param headings the column headings, in the schema's order, after the row number
 * @param rows     the rows, each cell in the heading's order
 * @param total    the 合计 row's cells in the heading's order (empty text where nothing adds up), or null when no
 *                 column holds money
 */
public record RecordTable(List<Heading> headings, List<List<Cell>> rows, List<Cell> total) {

    /** One column heading; {@code label} carries the unit, and labels each cell on a phone. */
    public record Heading(String label, boolean numeric) {
    }

    /**
     * One cell. {@code keepTogether} is set for personal names (黄*平) and figures, which must not break over lines.
     */
    public record Cell(String text, String label, boolean numeric, boolean keepTogether) {
    }

    /** Builds the table of {@code rows} (already masked where the viewer must not see personal data). */
    public static RecordTable of(List<CatalogField> columns, List<Map<String, String>> rows) {
        List<Heading> headings = new ArrayList<>();
        String[] sharedUnits = new String[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            CatalogField c = columns.get(i);
            sharedUnits[i] = sharedUnit(c, columns, rows);
            String unit = c.type() == FieldType.AMOUNT ? (c.name().contains("元") ? null : "元") : sharedUnits[i];
            headings.add(new Heading(unit == null ? c.name() : c.name() + "（" + unit + "）", numeric(c)));
        }
        List<List<Cell>> cells = new ArrayList<>();
        BigDecimal[] sums = new BigDecimal[columns.size()];
        for (Map<String, String> row : rows) {
            List<Cell> line = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                CatalogField c = columns.get(i);
                String raw = Objects.requireNonNullElse(row.get(c.name()), "").strip();
                // Rows of mixed units keep each figure's unit beside it, as the heading can name none.
                String unitBeside = c.type() == FieldType.QUANTITY && hasUnitColumn(c, columns)
                        && sharedUnits[i] == null ? Objects.requireNonNullElse(row.get(c.unitField()), "").strip() : "";
                line.add(new Cell(display(c, raw, unitBeside), headings.get(i).label(), numeric(c),
                        numeric(c) || c.personal()));
                if (c.type() == FieldType.AMOUNT) {
                    BigDecimal amount = amountOrNull(raw);
                    sums[i] = amount == null ? sums[i] : sums[i] == null ? amount : sums[i].add(amount);
                }
            }
            cells.add(line);
        }
        boolean money = columns.stream().anyMatch(c -> c.type() == FieldType.AMOUNT);
        List<Cell> total = null;
        if (money && !rows.isEmpty()) {
            total = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                String label = headings.get(i).label();
                total.add(sums[i] == null ? new Cell("", label, false, false)
                        : new Cell(money(sums[i]), label, true, true));
            }
        }
        return new RecordTable(List.copyOf(headings), List.copyOf(cells), total == null ? null : List.copyOf(total));
    }

    private static boolean numeric(CatalogField c) {
        return c.type() == FieldType.AMOUNT || c.type() == FieldType.INTEGER || c.type() == FieldType.QUANTITY;
    }

    /** The unit every filled row of a quantity names, or null when the rows differ or name none. */
    private static String sharedUnit(CatalogField c, List<CatalogField> columns, List<Map<String, String>> rows) {
        if (c.type() != FieldType.QUANTITY || !hasUnitColumn(c, columns)) {
            return null;
        }
        String shared = null;
        for (Map<String, String> row : rows) {
            String unit = Objects.requireNonNullElse(row.get(c.unitField()), "").strip();
            if (Objects.requireNonNullElse(row.get(c.name()), "").isBlank()) {
                continue;
            }
            if (unit.isEmpty() || shared != null && !shared.equals(unit)) {
                return null;
            }
            shared = unit;
        }
        return shared;
    }

    private static boolean hasUnitColumn(CatalogField c, List<CatalogField> columns) {
        return c.unitField() != null && columns.stream().anyMatch(f -> f.name().equals(c.unitField()));
    }

    private static String display(CatalogField c, String raw, String unitBeside) {
        if (raw.isEmpty()) {
            return raw;
        }
        switch (c.type()) {
            case AMOUNT -> {
                BigDecimal amount = amountOrNull(raw);
                return amount == null ? raw : money(amount);
            }
            case INTEGER, QUANTITY -> {
                BigDecimal n = decimalOrNull(raw);
                if (n == null) {
                    return raw;
                }
                String figure = new DecimalFormat("#,##0.######", DecimalFormatSymbols.getInstance(Locale.ROOT))
                        .format(n);
                return unitBeside.isEmpty() ? figure : figure + " " + unitBeside;
            }
            default -> {
                return raw;
            }
        }
    }

    private static String money(BigDecimal amount) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(amount);
    }

    private static BigDecimal amountOrNull(String raw) {
        try {
            return raw.isEmpty() ? null : FieldType.amount(raw);
        } catch (NumberFormatException | ArithmeticException e) {
            return null; // a value entered before the amount rule: shown as entered, left out of the total
        }
    }

    private static BigDecimal decimalOrNull(String raw) {
        try {
            return new BigDecimal(raw.replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
