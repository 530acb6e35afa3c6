package gongkai.feedback.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The complainant's private code (查询码): 10 characters without look-alikes, as the information requests' query code;
 * only its SHA-256 is stored. (The requests' own class is internal to that module.)
 */
public final class ComplaintCodes {

    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ComplaintCodes() {
    }

    public static String next() {
        StringBuilder sb = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    public static String hash(String code) {
        String typed = code == null ? "" : code.strip().toUpperCase(Locale.ROOT).replace(" ", "").replace("-", "");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(typed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the typed code is the one stored; compared in constant time, a missing row compared all the same. */
    public static boolean matches(String typed, String storedHash) {
        byte[] given = hash(typed).getBytes(StandardCharsets.US_ASCII);
        byte[] stored = storedHash == null ? new byte[64] : storedHash.getBytes(StandardCharsets.US_ASCII);
        return typed != null && !typed.isBlank() && storedHash != null && MessageDigest.isEqual(given, stored);
    }
}
