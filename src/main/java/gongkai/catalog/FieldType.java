package gongkai.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import gongkai.shared.ContactFormats;

/**
 * The type of a field in an item's structured data. Each type knows how a value must look; the check answers with a
 * Chinese message a clerk can act on.
 */
public enum FieldType {
    TEXT("文本"),
    INTEGER("整数"),
    QUANTITY("数量"),
    AMOUNT("金额（元）"),
    DATE("日期"),
    YEAR("年度"),
    PERIOD("期间"),
    DATE_RANGE("起止日期"),
    PHONE("电话"),
    CREDIT_CODE("统一社会信用代码"),
    CHOICE("选项"),
    /** Index numbers of other records (索引号), separated by 、 , ； or spaces; the entry check looks them up. */
    INDEX_NUMBERS("索引号");

    private static final Pattern INTEGER_FORM = Pattern.compile("-?\\d{1,12}");
    private static final Pattern DECIMAL_FORM = Pattern.compile("-?\\d{1,15}(\\.\\d{1,6})?");
    private static final Pattern AMOUNT_FORM = Pattern.compile("-?\\d{1,15}(\\.\\d{1,2})?");
    private static final Pattern YEAR_FORM = Pattern.compile("(19|20)\\d{2}");
    private static final Pattern INDEX_SEPARATORS = Pattern.compile("[、,，;；\\s]+");
    private static final int MAX_INDEX_NUMBERS = 20;
    private static final Pattern RANGE_FORM = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\s*(至|~|/|--)\\s*(\\d{4}-\\d{2}-\\d{2})");

    private final String label;

    FieldType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * Checks one non-empty value of this type; empty means valid. Choices apply to {@link #CHOICE} only.
     *
     * @return the problem, in Chinese, or empty when the value is fine
     */
    public Optional<String> check(String value, List<String> choices) {
        String v = value.strip();
        return switch (this) {
            case TEXT, PERIOD -> v.length() > 2000 ? Optional.of("不能超过2000个字") : Optional.empty();
            case INTEGER -> INTEGER_FORM.matcher(v).matches() ? Optional.empty() : Optional.of("应为整数，如 12");
            case QUANTITY -> DECIMAL_FORM.matcher(v).matches() ? Optional.empty() : Optional.of("应为数字，如 12.5");
            case AMOUNT -> AMOUNT_FORM.matcher(v.replace(",", "")).matches() ? Optional.empty()
                    : Optional.of("应为以元为单位的金额，最多两位小数，如 12000.50");
            case DATE -> isDate(v) ? Optional.empty() : Optional.of("应为日期，格式如 2026-11-27");
            case YEAR -> YEAR_FORM.matcher(v).matches() ? Optional.empty() : Optional.of("应为四位年份，如 2026");
            case DATE_RANGE -> checkRange(v);
            case PHONE -> ContactFormats.isPhone(v) ? Optional.empty()
                    : Optional.of("应为电话号码，如 0795-3201234 或 13907951234");
            case CREDIT_CODE -> ContactFormats.isCreditCode(v.toUpperCase()) ? Optional.empty()
                    : Optional.of("应为18位统一社会信用代码，末位校验码须正确");
            case CHOICE -> choices.contains(v) ? Optional.empty()
                    : Optional.of("应为以下之一：" + String.join("、", choices));
            case INDEX_NUMBERS -> indexNumbers(v).stream().anyMatch(n -> n.length() > 80)
                    ? Optional.of("每个索引号不能超过80个字符")
                    : indexNumbers(v).size() > MAX_INDEX_NUMBERS ? Optional.of("最多填写" + MAX_INDEX_NUMBERS + "个索引号")
                    : Optional.empty();
        };
    }

    /** The index numbers of an {@link #INDEX_NUMBERS} value, in order, without repeats. */
    public static List<String> indexNumbers(String value) {
        return value == null ? List.of() : INDEX_SEPARATORS.splitAsStream(value.strip()).filter(n -> !n.isEmpty())
                .distinct().toList();
    }

    /** Amounts are kept as decimals in yuan with two places. */
    public static BigDecimal amount(String value) {
        return new BigDecimal(value.strip().replace(",", "")).setScale(2);
    }

    private static boolean isDate(String v) {
        try {
            LocalDate.parse(v);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static Optional<String> checkRange(String v) {
        var m = RANGE_FORM.matcher(v);
        if (!m.matches() || !isDate(m.group(1)) || !isDate(m.group(3))) {
            return Optional.of("应为起止日期，格式如 2026-11-01至2026-11-10");
        }
        if (LocalDate.parse(m.group(3)).isBefore(LocalDate.parse(m.group(1)))) {
            return Optional.of("结束日期不能早于开始日期");
        }
        return Optional.empty();
    }
}
