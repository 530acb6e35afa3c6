package gongkai.privacy.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import gongkai.privacy.PersonalDataKind;
import gongkai.shared.ContactFormats;

/**
 * Finds personal data in a text, plain or HTML source. Full-width characters are folded first (one for one, so
 * offsets are those of the original). Where candidates overlap, the more serious kind wins: an ID number, then an
 * e-mail address (which may be built on a phone number), then a bank card, then a mobile number.
 */
public final class PersonalDataScanner {

    /**
     * One match.
     *
     * @param value the match without separators, in ASCII (never leaves the module: findings carry masked forms)
     */
    public record Match(PersonalDataKind kind, int start, int end, String value) {
    }

    /** 18 characters, or 6-8-4 with one kind of separator; no letter or digit may touch it on either side. */
    private static final Pattern ID_NUMBER = Pattern.compile(
            "(?<![0-9A-Za-z])(?:\\d{17}[0-9Xx]|\\d{6}([ -])\\d{8}\\1\\d{3}[0-9Xx])(?![0-9A-Za-z])");

    /**
     * 16–19 digits in one run, or in groups of four (the last may be shorter) with one kind of separator. A letter
     * touching the digits makes them part of a code, not a card number.
     */
    private static final Pattern BANK_CARD = Pattern.compile("(?<![0-9A-Za-z])(?:\\d{16,19}(?![0-9A-Za-z])"
            + "|(?<![0-9][ -])\\d{4}([ -])\\d{4}\\1\\d{4}\\1\\d{4}(?:\\1\\d{1,3})?(?![0-9A-Za-z]|[ -]\\d))");

    /** 1[3-9] and 9 more digits, in one run or as 3-4-4; a +86 or 86 in front is not part of the number. */
    private static final Pattern MOBILE = Pattern.compile("(?:(?<![0-9+])\\+?86[ -]?|(?<![0-9]))"
            + "(1[3-9]\\d(?:\\d{8}(?![0-9])|([ -])\\d{4}\\2\\d{4}(?![0-9]|[ -]\\d)))");

    private static final Pattern EMAIL = Pattern.compile("(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@"
            + "((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,24})(?![A-Za-z0-9-])");

    /** Government mailboxes are office contacts, published like office telephone numbers. */
    private static final String GOVERNMENT_DOMAIN = ".gov.cn";

    private static final int SHORTEST_CARD = 16;
    private static final int LONGEST_CARD = 19;

    private PersonalDataScanner() {
    }

    /**
     * The personal data in a text, by position.
     *
     * @param today the last possible birth date of an ID number
     */
    public static List<Match> scan(String text, LocalDate today) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String folded = HalfWidth.fold(text);
        TreeMap<Integer, Match> accepted = new TreeMap<>();
        find(ID_NUMBER, folded, m -> {
            String value = compact(m.group()).toUpperCase(Locale.ROOT);
            return ResidentIdNumber.isValid(value, today)
                    ? new Match(PersonalDataKind.ID_NUMBER, m.start(), m.end(), value) : null;
        }, accepted);
        find(EMAIL, folded, m -> m.group(1).toLowerCase(Locale.ROOT).endsWith(GOVERNMENT_DOMAIN) ? null
                : new Match(PersonalDataKind.EMAIL, m.start(), m.end(), m.group()), accepted);
        find(BANK_CARD, folded, m -> {
            String digits = compact(m.group());
            return isBankCard(digits, today) ? new Match(PersonalDataKind.BANK_CARD, m.start(), m.end(), digits) : null;
        }, accepted);
        find(MOBILE, folded, m -> new Match(PersonalDataKind.MOBILE, m.start(1), m.end(1), compact(m.group(1))),
                accepted);
        return List.copyOf(accepted.values());
    }

    /**
     * A card number: 16 to 19 digits, not starting with 0 (the first digit names the card's industry, and a run of
     * zeros is a placeholder), with a valid Luhn digit. Eighteen digits that resemble an ID number are one
     * (perhaps mistyped), and eighteen digits that are a unified social credit code name an organisation (index
     * numbers begin with one); neither is a card.
     */
    private static boolean isBankCard(String digits, LocalDate today) {
        return digits.length() >= SHORTEST_CARD && digits.length() <= LONGEST_CARD && digits.charAt(0) != '0'
                && !ResidentIdNumber.resembles(digits, today) && !ContactFormats.isCreditCode(digits)
                && Luhn.isValid(digits);
    }

    private interface Recogniser {
        /** The match the candidate is, or null when it is not one. */
        Match recognise(Matcher candidate);
    }

    private static void find(Pattern pattern, String text, Recogniser recogniser, TreeMap<Integer, Match> accepted) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            Match match = recogniser.recognise(m);
            if (match != null && !overlaps(match, accepted)) {
                accepted.put(match.start(), match);
            }
        }
    }

    /** Accepted matches never overlap, so only the neighbours on either side can. */
    private static boolean overlaps(Match match, TreeMap<Integer, Match> accepted) {
        Map.Entry<Integer, Match> before = accepted.floorEntry(match.start());
        Map.Entry<Integer, Match> after = accepted.ceilingEntry(match.start());
        return (before != null && before.getValue().end() > match.start())
                || (after != null && after.getKey() < match.end());
    }

    private static String compact(String value) {
        return value.replace(" ", "").replace("-", "");
    }
}
