package gongkai.privacy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import gongkai.catalog.CatalogField;
import gongkai.catalog.FieldType;
import gongkai.privacy.internal.PersonalDataScanner;
import gongkai.privacy.internal.ResidentIdNumber;
import gongkai.shared.InvalidInputProblem;

/**
 * 个人信息检查: finds resident ID numbers, mobile numbers, bank card numbers and e-mail addresses in a text before it
 * is public — a title, a body (plain text or HTML source, attributes included), a cell of structured data, the text
 * of an attachment — and suggests how to mask each. A text is read as written and as a person reads it: markup,
 * zero-width and other format characters, full-width and other compatibility forms, character references and the
 * separators people put into numbers (139.0795.1234, 1101<b></b>05…) hide nothing.
 *
 * <p>Only what is really personal data is reported: an 18-character number whose check character or birth date is
 * wrong is not an ID number, a number inside a longer run of digits is a reference, not a phone or card, and office
 * landlines and {@code .gov.cn} mailboxes are published contacts.
 */
@Service
public class PersonalDataGuard {

    /** An ID number shown to the editor keeps its last four characters, the way people name one (尾号). */
    private static final int ID_TAIL = 4;

    private final Clock clock;

    public PersonalDataGuard(Clock clock) {
        this.clock = clock;
    }

    /**
     * The personal data in a text, in order of position.
     *
     * @param where the place scanned, in Chinese, carried into each finding (标题, 正文, 附件“名单.pdf”)
     */
    public List<Finding> scan(String text, String where) {
        Objects.requireNonNull(where, "where");
        return PersonalDataScanner.scan(text, LocalDate.now(clock)).stream().map(m -> finding(m, where)).toList();
    }

    /**
     * Whether a value is a real resident ID number (GB 11643): 17 digits and a digit or X, a real birth date from 1900
     * to today and the right check character — the same test the scanner applies.
     */
    public boolean isResidentIdNumber(String value) {
        return value != null && ResidentIdNumber.isValid(value.strip(), LocalDate.now(clock));
    }

    /**
     * The personal data in one value of a catalogue field. A {@link FieldType#PHONE} field's own telephone number is
     * not reported: in a public field it is the contact the catalogue asks for, in a personal field it is masked on
     * output. Everything else is reported as by {@link #scan}.
     */
    public List<Finding> scanField(CatalogField field, String value, String where) {
        List<Finding> findings = scan(value, where);
        return field.type() == FieldType.PHONE
                ? findings.stream().filter(f -> f.kind() != PersonalDataKind.MOBILE).toList()
                : findings;
    }

    /**
     * The text with the chosen findings replaced by their suggested masking (the editor's 应用建议遮蔽). Each finding
     * must still be in the text as it is now; the replacement is the one the text calls for now, so a finding carried
     * through a form cannot smuggle other text in.
     *
     * @param findings findings of an earlier {@link #scan} of this text, all of them or those the editor chose
     * @throws InvalidInputProblem when the text has changed since it was scanned, or a finding cannot be masked in
     *                             one click ({@link Finding#maskable()})
     */
    public String applySuggestions(String text, List<Finding> findings) {
        if (findings.isEmpty()) {
            return text;
        }
        Map<Integer, Finding> current = scan(text, findings.get(0).where()).stream()
                .collect(Collectors.toMap(Finding::start, Function.identity()));
        TreeMap<Integer, Finding> chosen = new TreeMap<>(Comparator.reverseOrder());
        for (Finding f : findings) {
            Finding now = current.get(f.start());
            if (now == null || now.end() != f.end() || now.kind() != f.kind()) {
                throw new InvalidInputProblem("findings", f.where() + "在检查之后已被修改，请重新检查个人信息，再应用建议的遮蔽。");
            }
            if (!now.maskable() || !f.maskable()) {
                throw new InvalidInputProblem("findings", f.where() + "第" + (f.start() + 1) + "个字符起的" + f.kind().label()
                        + "夹在排版标记中，无法自动遮蔽，请手工删除。");
            }
            chosen.put(now.start(), now);
        }
        StringBuilder masked = new StringBuilder(text);
        chosen.values().forEach(f -> masked.replace(f.start(), f.end(), f.suggestion()));
        return masked.toString();
    }

    private static Finding finding(PersonalDataScanner.Match m, String where) {
        return switch (m.kind()) {
            case ID_NUMBER -> new Finding(m.kind(), where, m.start(), m.end(), idNumberTail(m.value()),
                    Masking.idNumber(m.value()), m.maskable());
            case MOBILE -> masked(m, where, Masking.mobile(m.value()));
            case BANK_CARD -> masked(m, where, Masking.bankCard(m.value()));
            case EMAIL -> masked(m, where, Masking.email(m.value()));
        };
    }

    private static String idNumberTail(String idNumber) {
        int cut = ResidentIdNumber.LENGTH - ID_TAIL;
        return "*".repeat(cut) + idNumber.substring(cut);
    }

    private static Finding masked(PersonalDataScanner.Match m, String where, String masked) {
        return new Finding(m.kind(), where, m.start(), m.end(), masked, masked, m.maskable());
    }
}
