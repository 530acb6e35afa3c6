package gongkai.privacy;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import gongkai.catalog.CatalogField;
import gongkai.catalog.FieldType;
import gongkai.privacy.internal.HalfWidth;

/**
 * How personal data is masked (遮蔽) on public output. Plain functions of the value: they need no configuration and
 * no state, so a record, a template, an export or a test calls them the same way, with no Spring context. Each
 * returns a blank or null value as it is (there is nothing to hide) and never returns anything else unmasked.
 */
public final class Masking {

    /** What stands in the place of a resident ID number: no digit of it is ever published. */
    public static final String ID_NUMBER_WITHHELD = "（身份证号码不予公开）";

    private static final char STAR = '*';
    private static final String CARD_STARS = "**** **** **** ";
    private static final String EMAIL_STARS = "***";
    private static final int VISIBLE_TAIL = 4;

    /** One name among several in a value such as 张三、李四. */
    private static final Pattern ONE_NAME = Pattern.compile("[^、，,；;/\\s]+");
    private static final Pattern MOBILE = Pattern.compile("(?:86)?(1[3-9]\\d{9})");
    private static final Pattern LANDLINE = Pattern.compile("(0\\d{2,3})[- ]?(\\d{7,8})(?:-\\d{1,6})?");

    /** Field-name words that say what a personal field holds, checked in this order. */
    private static final List<String> ID_WORDS = List.of("身份证", "身份号码", "证件号");
    private static final List<String> CARD_WORDS = List.of("银行卡", "卡号", "账号", "账户");
    private static final List<String> EMAIL_WORDS = List.of("邮箱", "邮件");
    private static final List<String> PHONE_WORDS = List.of("电话", "手机");
    private static final List<String> NAME_ENDINGS = List.of("姓名", "名字", "对象", "户主", "人");

    private Masking() {
    }

    /**
     * A person's name keeps its first and, from three characters on, its last character: 张三 → 张*, 张三丰 → 张*丰,
     * 欧阳娜娜 → 欧**娜. Several names separated by 、，; or spaces are masked one by one.
     */
    public static String name(String value) {
        if (isBlank(value)) {
            return value;
        }
        Matcher m = ONE_NAME.matcher(value.strip());
        StringBuilder masked = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(masked, Matcher.quoteReplacement(oneName(m.group())));
        }
        m.appendTail(masked);
        return masked.toString();
    }

    /** A mobile number keeps its first three and last four digits: 13907951234 → 139****1234. */
    public static String mobile(String value) {
        if (isBlank(value)) {
            return value;
        }
        Matcher m = MOBILE.matcher(HalfWidth.digits(value));
        if (!m.matches()) {
            return lastFour(HalfWidth.digits(value));
        }
        String digits = m.group(1);
        return digits.substring(0, 3) + "****" + digits.substring(7);
    }

    /**
     * A personal telephone number: a mobile as {@link #mobile}; a landline keeps its area code and last four digits
     * (0795-3201234 → 0795-***1234); anything else keeps its last four digits.
     */
    public static String phone(String value) {
        if (isBlank(value)) {
            return value;
        }
        String digits = HalfWidth.digits(value);
        if (MOBILE.matcher(digits).matches()) {
            return mobile(digits);
        }
        Matcher landline = LANDLINE.matcher(HalfWidth.fold(value).strip());
        if (landline.matches()) {
            return landline.group(1) + "-" + lastFour(landline.group(2));
        }
        return lastFour(digits);
    }

    /** A resident ID number is never published, not even in part (see {@link MaskingPolicy}). */
    public static String idNumber(String value) {
        return isBlank(value) ? value : ID_NUMBER_WITHHELD;
    }

    /** A bank card number keeps its last four digits only, whatever its length: **** **** **** 1234. */
    public static String bankCard(String value) {
        if (isBlank(value)) {
            return value;
        }
        String digits = HalfWidth.digits(value);
        return digits.length() < VISIBLE_TAIL ? CARD_STARS.strip() : CARD_STARS + digits.substring(digits.length()
                - VISIBLE_TAIL);
    }

    /** An e-mail address keeps the first character of its mailbox and its domain: z***@example.com. */
    public static String email(String value) {
        if (isBlank(value)) {
            return value;
        }
        String address = value.strip();
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return other(address);
        }
        return address.substring(0, address.offsetByCodePoints(0, 1)) + EMAIL_STARS + address.substring(at);
    }

    /** Any other personal value keeps its first character (袁州区某路88号 → 袁*******); one character is all star. */
    public static String other(String value) {
        if (isBlank(value)) {
            return value;
        }
        String v = value.strip();
        int first = v.offsetByCodePoints(0, 1);
        int rest = v.codePointCount(first, v.length());
        return rest == 0 ? String.valueOf(STAR) : v.substring(0, first) + String.valueOf(STAR).repeat(rest);
    }

    /**
     * A value of a catalogue field as it may be published: unchanged unless the field is {@link
     * CatalogField#personal() personal}; a personal field is masked by its type ({@link FieldType#PHONE} as {@link
     * #phone}) or by what its name says it holds — an ID number (身份证…), a card or account (卡号, 账号), a mailbox
     * (邮箱), a telephone (电话, 手机), a person's name (…姓名, …对象, 户主, …人) — and otherwise as {@link #other}.
     */
    public static String maskField(CatalogField field, String value) {
        Objects.requireNonNull(field, "field");
        if (!field.personal() || isBlank(value)) {
            return value;
        }
        String fieldName = field.name().strip();
        if (field.type() == FieldType.PHONE) {
            return phone(value);
        }
        if (mentions(fieldName, ID_WORDS)) {
            return idNumber(value);
        }
        if (mentions(fieldName, CARD_WORDS)) {
            return bankCard(value);
        }
        if (mentions(fieldName, EMAIL_WORDS)) {
            return email(value);
        }
        if (mentions(fieldName, PHONE_WORDS)) {
            return phone(value);
        }
        if (NAME_ENDINGS.stream().anyMatch(fieldName::endsWith)) {
            return name(value);
        }
        return other(value);
    }

    private static String oneName(String name) {
        int length = name.codePointCount(0, name.length());
        if (length == 1) {
            return String.valueOf(STAR);
        }
        int first = name.offsetByCodePoints(0, 1);
        if (length == 2) {
            return name.substring(0, first) + STAR;
        }
        int last = name.offsetByCodePoints(name.length(), -1);
        return name.substring(0, first) + String.valueOf(STAR).repeat(length - 2) + name.substring(last);
    }

    /** Stars for all but the last four digits; a value of four digits or fewer is all stars. */
    private static String lastFour(String digits) {
        if (digits.length() <= VISIBLE_TAIL) {
            return String.valueOf(STAR).repeat(Math.max(digits.length(), 1));
        }
        int cut = digits.length() - VISIBLE_TAIL;
        return String.valueOf(STAR).repeat(cut) + digits.substring(cut);
    }

    private static boolean mentions(String fieldName, List<String> words) {
        return words.stream().anyMatch(fieldName::contains);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
