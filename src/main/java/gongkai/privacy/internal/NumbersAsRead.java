package gongkai.privacy.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import gongkai.privacy.PersonalDataKind;
import gongkai.shared.ContactFormats;

/**
 * The ID, card and mobile numbers a person reads in a {@link HumanReading}, however the digits are broken up: groups
 * of digits joined across up to three of the separators people put into numbers — spaces, line breaks, dots and
 * middle dots, hyphens and dashes, underscores, commas (、 too), slashes and bars — in any mix.
 *
 * <p>A number is the whole of such a chain: a chain with more digits than a number has is read as figures, not as a
 * number hidden among them. When the whole chain is no number, its parts between commas, slashes and line breaks are
 * read one by one (电话139 0795 1234，2026年…). An ID number carries its own proof (birth date and check character),
 * so any chain of its length is tested. A mobile or card number has only its length and first digits (and Luhn),
 * so a chain that reads as figures is not taken for one: one with a decimal point (13.5 20.1), thousands grouping
 * (13,907,951,234), a date (2026.1.3), an internet address (192.168.139.79), or a table row — four or more groups split only by spaces, commas or line
 * breaks whose lengths follow no telephone or card grouping.
 */
final class NumbersAsRead {

    /** A number found: offsets into the reading, and its value without separators. */
    record Candidate(PersonalDataKind kind, int start, int end, String value) {
    }

    private static final int LONGEST_LINK = 3;
    private static final int ID_LENGTH = ResidentIdNumber.LENGTH;
    private static final int MOBILE_LENGTH = 11;
    private static final int SHORTEST_CARD = 16;
    private static final int LONGEST_CARD = 19;
    /** Fewer groups than this split by spaces or commas are a number written in parts, not a row of a table. */
    private static final int TABLE_ROW_GROUPS = 4;
    private static final List<List<Integer>> USUAL_GROUPINGS = List.of(List.of(3, 4, 4), List.of(4, 6, 5),
            List.of(6, 13), List.of(6, 8, 4), List.of(6, 4, 4, 4));

    private final String text;
    private final LocalDate today;
    private final List<Integer> starts = new ArrayList<>();
    private final List<Integer> ends = new ArrayList<>();
    private final List<Candidate> found = new ArrayList<>();

    private NumbersAsRead(String text, LocalDate today) {
        this.text = text;
        this.today = today;
    }

    static List<Candidate> find(String text, LocalDate today) {
        NumbersAsRead reader = new NumbersAsRead(text, today);
        reader.run();
        return reader.found;
    }

    private void run() {
        for (int i = 0; i < text.length(); ) {
            if (isDigit(text.charAt(i))) {
                int j = i;
                while (j < text.length() && isDigit(text.charAt(j))) {
                    j++;
                }
                starts.add(i);
                ends.add(j);
                i = j;
            } else {
                i++;
            }
        }
        int k = 0;
        while (k < starts.size()) {
            int q = k;
            while (q + 1 < starts.size() && isLink(ends.get(q), starts.get(q + 1))) {
                q++;
            }
            chain(k, q);
            k = q + 1;
        }
    }

    /** Reads the chain of groups k..q as one number, and failing that its parts between loose links. */
    private void chain(int k, int q) {
        if (read(k, q, true, true)) {
            return;
        }
        int from = k;
        for (int j = k; j < q; j++) {
            if (isLooseLink(link(j))) {
                read(from, j, from == k, false);
                from = j + 1;
            }
        }
        if (from != k) {
            read(from, q, false, true);
        }
    }

    /**
     * Reads the groups k..q as one number.
     *
     * @param atStart whether group k begins the chain (a letter touching it makes the digits part of a code)
     * @param atEnd   whether group q ends the chain (an ID number's X may follow it)
     * @return whether a number was found
     */
    private boolean read(int k, int q, boolean atStart, boolean atEnd) {
        StringBuilder digits = new StringBuilder();
        List<Integer> lengths = new ArrayList<>();
        for (int g = k; g <= q; g++) {
            digits.append(text, starts.get(g), ends.get(g));
            lengths.add(ends.get(g) - starts.get(g));
        }
        String d = digits.toString();
        int start = starts.get(k);
        int end = ends.get(q);
        boolean letterBefore = atStart && start > 0 && isAsciiLetter(text.charAt(start - 1));
        if (letterBefore) {
            return false;
        }
        int x = atEnd ? checkCharacterAfter(end) : -1;
        if (x >= 0 && d.length() == ID_LENGTH - 1 && ResidentIdNumber.isValid(d + "X", today)) {
            return add(PersonalDataKind.ID_NUMBER, start, x + 1, d + "X");
        }
        boolean letterAfter = atEnd && end < text.length() && isAsciiLetter(text.charAt(end));
        if (letterAfter) {
            return false;
        }
        if (d.length() == ID_LENGTH && ResidentIdNumber.isValid(d, today)) {
            return add(PersonalDataKind.ID_NUMBER, start, end, d);
        }
        if (readsAsFigures(k, q, lengths)) {
            return false;
        }
        boolean listOnly = onlyListSeparators(k, q);
        if (isCard(d) && isUsualGrouping(lengths, listOnly)) {
            return add(PersonalDataKind.BANK_CARD, start, end, d);
        }
        int prefix = d.length() == MOBILE_LENGTH + 2 && d.startsWith("86") ? 2
                : d.length() == MOBILE_LENGTH + 4 && d.startsWith("0086") ? 4 : 0;
        String mobile = d.substring(prefix);
        if (mobile.length() == MOBILE_LENGTH && mobile.charAt(0) == '1' && mobile.charAt(1) >= '3') {
            List<Integer> own = prefix > 0 && lengths.get(0) == prefix ? lengths.subList(1, lengths.size()) : lengths;
            if (isUsualGrouping(own, listOnly)) {
                return add(PersonalDataKind.MOBILE, digitAt(k, q, prefix), end, mobile);
            }
        }
        return false;
    }

    /**
     * Whether a chain is a number written in parts rather than a row of figures: fewer than four groups, a
     * separator other than a space, comma or line break somewhere, or the groups of a telephone or card number
     * (all of one length, the last perhaps shorter, or a usual grouping such as 3-4-4).
     */
    private static boolean isUsualGrouping(List<Integer> lengths, boolean listOnly) {
        return lengths.size() < TABLE_ROW_GROUPS || !listOnly || isRegular(lengths);
    }

    /** Whether groups k..q are split only by spaces, commas and line breaks, as the cells of a row of figures are. */
    private boolean onlyListSeparators(int k, int q) {
        for (int j = k; j < q; j++) {
            if (!link(j).chars().allMatch(c -> c == ' ' || c == ',' || c == '、' || c == '\n')) {
                return false;
            }
        }
        return true;
    }

    /** Decimal points, thousands grouping and dates make figures. */
    private boolean readsAsFigures(int k, int q, List<Integer> lengths) {
        int links = q - k;
        for (int j = k; j < q; j++) {
            String link = link(j);
            boolean lonePoint = link.equals(".") && (j == k || !link(j - 1).equals("."))
                    && (j == q - 1 || !link(j + 1).equals("."));
            if (lonePoint && lengths.get(j - k + 1) <= 2) {
                return true;
            }
        }
        if (links >= 1 && lengths.get(0) <= 3 && lengths.subList(1, lengths.size()).stream().allMatch(n -> n == 3)) {
            String first = link(k);
            boolean sameSeparator = (first.equals(",") || first.equals(" "))
                    && IntStream.range(k, q).allMatch(j -> link(j).equals(first));
            if (sameSeparator) {
                return true;
            }
        }
        for (int g = k; g + 2 <= q; g++) {
            if (isDate(g) && link(g).equals(link(g + 1))) {
                return true;
            }
        }
        return isInternetAddress(k, q);
    }

    /** Four numbers up to 255 split by single dots: 192.168.139.79. */
    private boolean isInternetAddress(int k, int q) {
        if (q - k != 3) {
            return false;
        }
        for (int g = k; g <= q; g++) {
            if (ends.get(g) - starts.get(g) > 3 || Integer.parseInt(text, starts.get(g), ends.get(g), 10) > 255
                    || (g < q && !link(g).equals("."))) {
                return false;
            }
        }
        return true;
    }

    private boolean isDate(int g) {
        int yearLength = ends.get(g) - starts.get(g);
        int monthLength = ends.get(g + 1) - starts.get(g + 1);
        int dayLength = ends.get(g + 2) - starts.get(g + 2);
        if (yearLength != 4 || monthLength > 2 || dayLength > 2) {
            return false;
        }
        int year = Integer.parseInt(text, starts.get(g), ends.get(g), 10);
        int month = Integer.parseInt(text, starts.get(g + 1), ends.get(g + 1), 10);
        int day = Integer.parseInt(text, starts.get(g + 2), ends.get(g + 2), 10);
        return year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
    }

    private static boolean isRegular(List<Integer> lengths) {
        if (USUAL_GROUPINGS.contains(lengths)) {
            return true;
        }
        int first = lengths.get(0);
        for (int i = 1; i < lengths.size() - 1; i++) {
            if (lengths.get(i) != first) {
                return false;
            }
        }
        return lengths.get(lengths.size() - 1) <= first;
    }

    /**
     * 16 to 19 digits with a valid Luhn digit, beginning as payment cards do (2221–2720, 3, 4, 5, 6): a date range
     * such as 2026.01.01-2026.12.31 or a reference beginning with 1, 7, 8, 9 or 0 is not a card. Nor is what
     * resembles an ID number or is a unified social credit code.
     */
    private boolean isCard(String d) {
        if (d.length() < SHORTEST_CARD || d.length() > LONGEST_CARD) {
            return false;
        }
        char first = d.charAt(0);
        int iin = Integer.parseInt(d, 0, 4, 10);
        boolean issuer = (first >= '3' && first <= '6') || (iin >= 2221 && iin <= 2720);
        return issuer && !ResidentIdNumber.resembles(d, today) && !ContactFormats.isCreditCode(d) && Luhn.isValid(d);
    }

    /** The offset in the reading of the n-th digit of groups k..q. */
    private int digitAt(int k, int q, int n) {
        int left = n;
        for (int g = k; g <= q; g++) {
            int length = ends.get(g) - starts.get(g);
            if (left < length) {
                return starts.get(g) + left;
            }
            left -= length;
        }
        throw new IllegalArgumentException("no digit " + n);
    }

    /** Where an X or x stands right after a number or after a link, with no letter or digit touching it after. */
    private int checkCharacterAfter(int end) {
        int i = end;
        while (i < text.length() && i - end <= LONGEST_LINK && isSeparator(text.charAt(i))) {
            i++;
        }
        if (i - end > LONGEST_LINK || i >= text.length()) {
            return -1;
        }
        char c = text.charAt(i);
        boolean free = i + 1 >= text.length() || !(isAsciiLetter(text.charAt(i + 1)) || isDigit(text.charAt(i + 1)));
        return (c == 'X' || c == 'x') && free ? i : -1;
    }

    private boolean add(PersonalDataKind kind, int start, int end, String value) {
        found.add(new Candidate(kind, start, end, value));
        return true;
    }

    private String link(int j) {
        return text.substring(ends.get(j), starts.get(j + 1));
    }

    private boolean isLink(int from, int to) {
        if (to - from > LONGEST_LINK) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!isSeparator(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Commas, slashes and line breaks part the items of a list or the lines of a text. */
    private static boolean isLooseLink(String link) {
        return link.chars().anyMatch(c -> c == ',' || c == '、' || c == '\n' || c == '/' || c == '\\' || c == '|');
    }

    /** The separators of a reading (after NFKC, so full-width forms are already their ASCII twins). */
    static boolean isSeparator(char c) {
        return switch (c) {
            case ' ', '\n', '.', '·', '・', '•', '‧', '∙', '⋅', '。', '-', '‐', '‑', '‒', '–', '—', '―', '−', '⁃', '_',
                    ',', '、', '/', '\\', '|', '∕' -> true;
            default -> false;
        };
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
