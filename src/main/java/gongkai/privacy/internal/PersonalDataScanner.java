package gongkai.privacy.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import gongkai.privacy.PersonalDataKind;
import gongkai.shared.ContactFormats;

/**
 * Finds personal data in a text, plain or HTML source, read twice: as written (full-width characters folded one for
 * one, so offsets are those of the original), and as a person reads it ({@link HumanReading}: markup, invisible
 * characters and separators inside numbers do not hide anything). Where candidates overlap, the more serious kind
 * wins: an ID number, then an e-mail address (which may be built on a phone number), then a bank card, then a mobile
 * number; of two of a kind, the one found as written, whose span is exactly the number.
 */
public final class PersonalDataScanner {

    /**
     * One match.
     *
     * @param start    offset of its first character in the original text
     * @param end      offset just past its last character in the original text
     * @param value    the match without separators, in ASCII (never leaves the module: findings carry masked forms)
     * @param maskable whether replacing the span {@code start..end} of the original by a masked form leaves sound
     *                 text: false when the span cuts through markup ({@code <b>1101</b>05…} from inside the
     *                 {@code <b>})
     */
    public record Match(PersonalDataKind kind, int start, int end, String value, boolean maskable) {

        Match(PersonalDataKind kind, int start, int end, String value) {
            this(kind, start, end, value, true);
        }
    }

    /** 18 characters, or 6-8-4 with one kind of separator; no letter or digit may touch it on either side. */
    private static final Pattern ID_NUMBER = Pattern.compile(
            "(?<![0-9A-Za-z])(?:\\d{17}[0-9Xx]|\\d{6}([ -])\\d{8}\\1\\d{3}[0-9Xx])(?![0-9A-Za-z])");

    /**
     * 16–19 digits in one run, or in groups of four (the last may be shorter) with one kind of separator. A letter
     * touching the digits makes them part of a code, not a card number; a decimal point before them, a fraction.
     */
    private static final Pattern BANK_CARD = Pattern.compile("(?<![0-9A-Za-z]|[0-9]\\.)(?:\\d{16,19}(?![0-9A-Za-z])"
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
        List<Match> asRead = asRead(text, today);
        TreeMap<Integer, Match> accepted = new TreeMap<>();
        find(ID_NUMBER, folded, m -> {
            String value = compact(m.group()).toUpperCase(Locale.ROOT);
            return ResidentIdNumber.isValid(value, today)
                    ? new Match(PersonalDataKind.ID_NUMBER, m.start(), m.end(), value) : null;
        }, accepted);
        add(asRead, PersonalDataKind.ID_NUMBER, accepted);
        // The e-mail pattern tries every word for an @ up to 64 characters on: not worth it without one.
        if (folded.indexOf('@') >= 0) {
            find(EMAIL, folded, m -> isGovernment(m.group(1)) ? null
                    : new Match(PersonalDataKind.EMAIL, m.start(), m.end(), m.group()), accepted);
        }
        add(asRead, PersonalDataKind.EMAIL, accepted);
        find(BANK_CARD, folded, m -> {
            String digits = compact(m.group());
            return isBankCard(digits, today) ? new Match(PersonalDataKind.BANK_CARD, m.start(), m.end(), digits) : null;
        }, accepted);
        add(asRead, PersonalDataKind.BANK_CARD, accepted);
        find(MOBILE, folded, m -> new Match(PersonalDataKind.MOBILE, m.start(1), m.end(1), compact(m.group(1))),
                accepted);
        add(asRead, PersonalDataKind.MOBILE, accepted);
        return List.copyOf(accepted.values());
    }

    /** What a person reads in the text, each match as a span of the original. */
    private static List<Match> asRead(String text, LocalDate today) {
        List<Match> matches = new ArrayList<>();
        for (HumanReading.Segment segment : HumanReading.of(text)) {
            String reading = segment.text();
            Matcher email = EMAIL.matcher(reading);
            while (reading.indexOf('@') >= 0 && email.find()) {
                if (!isGovernment(email.group(1))) {
                    matches.add(inOriginal(text, segment, PersonalDataKind.EMAIL, email.start(), email.end(),
                            email.group()));
                }
            }
            for (NumbersAsRead.Candidate c : NumbersAsRead.find(reading, today)) {
                matches.add(inOriginal(text, segment, c.kind(), c.start(), c.end(), c.value()));
            }
        }
        return matches;
    }

    private static Match inOriginal(String text, HumanReading.Segment segment, PersonalDataKind kind, int start,
            int end, String value) {
        int from = segment.originStart(start);
        int to = segment.originEnd(end);
        return new Match(kind, from, to, value, HumanReading.isWhole(text, from, to));
    }

    private static void add(List<Match> matches, PersonalDataKind kind, TreeMap<Integer, Match> accepted) {
        for (Match match : matches) {
            if (match.kind() == kind && !overlaps(match, accepted)) {
                accepted.put(match.start(), match);
            }
        }
    }

    private static boolean isGovernment(String domain) {
        return domain.toLowerCase(Locale.ROOT).endsWith(GOVERNMENT_DOMAIN);
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
