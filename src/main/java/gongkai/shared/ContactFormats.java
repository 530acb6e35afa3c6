package gongkai.shared;

import java.util.regex.Pattern;

/**
 * Formats of contact details and codes that several modules validate: Chinese telephone numbers, postcodes, e-mail
 * addresses and the unified social credit code (统一社会信用代码, GB 32100-2015) with its check character.
 */
public final class ContactFormats {

    /** Mobile (11 digits from 13x–19x), landline with area code (0xx(x)-xxxxxxx(x), extension allowed), service lines. */
    private static final Pattern PHONE = Pattern.compile(
            "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?|\\d{7,8}|(400|800)-?\\d{3}-?\\d{4}|12\\d{3}");
    private static final Pattern POSTCODE = Pattern.compile("\\d{6}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final String CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private ContactFormats() {
    }

    public static boolean isPhone(String value) {
        return value != null && PHONE.matcher(value.strip().replace(" ", "")).matches();
    }

    /**
     * A number a member of the public can be called back on from anywhere: a mainland mobile, or a landline with its
     * area code (extension allowed); no bare local numbers or service lines.
     */
    public static boolean isPersonalPhone(String value) {
        if (!isPhone(value)) {
            return false;
        }
        String p = value.strip().replace(" ", "");
        return p.matches("1[3-9]\\d{9}") || p.matches("0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?");
    }

    /** A Chinese postcode (邮政编码): six digits. */
    public static boolean isPostcode(String value) {
        return value != null && POSTCODE.matcher(value.strip()).matches();
    }

    public static boolean isEmail(String value) {
        return value != null && value.length() <= 200 && EMAIL.matcher(value.strip()).matches();
    }

    /** An 18-character unified social credit code whose last character is the GB 32100 check character. */
    public static boolean isCreditCode(String value) {
        if (value == null || value.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CREDIT_CHARS.indexOf(value.charAt(i));
            if (v < 0) {
                return false;
            }
            sum += v * CREDIT_WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return value.charAt(17) == CREDIT_CHARS.charAt(check);
    }
}
