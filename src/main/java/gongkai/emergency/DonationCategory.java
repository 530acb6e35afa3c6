package gongkai.emergency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * A category of a relief campaign's ledger (捐赠类别): money in yuan, or one item of goods in one unit (大米 in 公斤 and
 * 大米 in 袋 are two categories, since they cannot be added).
 *
 * @param item the goods item, or null for money
 */
public record DonationCategory(String item, String unit) {

    public static final String MONEY_UNIT = "元";
    public static final DonationCategory MONEY = new DonationCategory(null, MONEY_UNIT);

    public boolean isMoney() {
        return item == null;
    }

    /** The key stored with every entry and balance row. */
    public String key() {
        return isMoney() ? "money" : "goods:" + item + "|" + unit;
    }

    /** The category's name as the public reads it: 资金（元） or 大米（公斤）. */
    public String label() {
        return isMoney() ? "资金（元）" : item + "（" + unit + "）";
    }

    /** An amount of this category with thousands separators and its unit: 1,200.00元, 50箱. */
    public String format(BigDecimal amount) {
        return number(amount) + unit;
    }

    /** The number alone: money always with two decimals, goods without trailing zeros. */
    public String number(BigDecimal amount) {
        if (isMoney()) {
            return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT))
                    .format(amount.setScale(2, RoundingMode.UNNECESSARY));
        }
        return new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(amount);
    }
}
