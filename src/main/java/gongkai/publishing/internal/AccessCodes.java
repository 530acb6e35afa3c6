package gongkai.publishing.internal;

import java.security.SecureRandom;

/**
 * Access codes of targeted records: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), easy to
 * read off a notice board and type on an old phone; 31^8 ≈ 8.5×10^11 combinations, with guessing rate-limited.
 */
final class AccessCodes {

    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AccessCodes() {
    }

    static String next() {
        StringBuilder sb = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** Whether a normalised code could be one this class makes: anything else is wrong without a look-up. */
    static boolean wellFormed(String code) {
        return code.length() == 8 && code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }

    /** Normalises what a person typed: case, spaces and hyphens do not matter. */
    static String normalise(String typed) {
        return typed == null ? "" : typed.strip().toUpperCase().replace(" ", "").replace("-", "");
    }
}
