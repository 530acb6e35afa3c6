package gongkai.requests.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The applicant's private query code (查询码): 10 characters from an alphabet without look-alikes (no 0/O, 1/I/L),
 * 31^10 ≈ 8×10^14 combinations, guessing rate-limited. Only its SHA-256 is stored.
 */
public final class QueryCodes {

    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final int LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private QueryCodes() {
    }

    public static String next() {
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    public static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalise(code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a typed code is the one whose hash is stored; case, spaces and hyphens do not matter. */
    public static boolean matches(String typed, String storedHash) {
        if (typed == null || typed.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(hash(typed).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    private static String normalise(String typed) {
        return typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT).replace(" ", "").replace("-", "");
    }
}
