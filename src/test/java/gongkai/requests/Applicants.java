package gongkai.requests;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fictitious applicants for tests: resident ID numbers and unified social credit codes with correct check characters,
 * each one new, so that per-applicant limits and counts of one test do not touch another's.
 */
public final class Applicants {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 500_000));
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private Applicants() {
    }

    /** A new resident ID number of someone born in 1980–1999 in Yuanzhou District (360902). */
    public static String idNumber() {
        int n = SEQUENCE.incrementAndGet();
        String body = "360902" + (1980 + n % 20) + String.format("%02d%02d", 1 + n % 12, 1 + n % 28)
                + String.format("%03d", n % 1000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    /** A new unified social credit code of an enterprise (91) registered in Yichun (360900). */
    public static String creditCode() {
        String body = "91360900" + String.format("%09d", SEQUENCE.incrementAndGet());
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CREDIT_CHARS.indexOf(body.charAt(i)) * CREDIT_WEIGHTS[i];
        }
        return body + CREDIT_CHARS.charAt((31 - sum % 31) % 31);
    }

    /** A natural person's request to an organisation (fictitious name, phone and address). */
    public static NewRequest person(String org, String description) {
        return new NewRequest(org, ApplicantKind.NATURAL_PERSON, "李示例", IdType.RESIDENT_ID, idNumber(), null, "13907950001", null,
                "宜春市袁州区示例路1号", description, "了解政策", DeliveryForm.ONLINE, false);
    }

    /** A request of an organisation of the given kind. */
    public static NewRequest organisation(String org, ApplicantKind kind, String description) {
        return new NewRequest(org, kind, "宜春示例" + kind.label(), null, creditCode(), "王联系", "0795-3201234",
                "contact@example.com", null, description, null, DeliveryForm.EMAIL, false);
    }
}
