package gongkai.shared;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Canonical JSON (RFC 8785, JCS) for the values the platform hashes: objects with string keys, arrays, strings,
 * booleans, null and integers. Keys are sorted by UTF-16 code units and strings are escaped exactly as ECMAScript's
 * {@code JSON.stringify} does, so a browser that sorts an object's keys recursively and calls
 * {@code JSON.stringify} gets the same bytes — that is what lets anyone recompute a content hash.
 * <p>
 * Numbers other than integers of at most 2^53 − 1 in magnitude are refused: their JCS form depends on IEEE 754
 * formatting, which nothing we publish needs.
 */
public final class CanonicalJson {

    /** The largest integer a JSON number (an IEEE 754 double) holds exactly: 2^53 − 1. */
    public static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalJson() {
    }

    /** The canonical text of a value. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    /** The canonical form as UTF-8 bytes, as hashed. */
    public static byte[] utf8(Object value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }

    /** Lowercase hex SHA-256 of the UTF-8 of the canonical form: how every content hash is made. */
    public static String sha256Hex(Object value) {
        return sha256Hex(utf8(value));
    }

    /** Lowercase hex SHA-256 of bytes. */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof Map<?, ?> map) {
            object(map, out);
        } else if (value instanceof Collection<?> items) {
            array(items, out);
        } else if (value instanceof Object[] items) {
            array(List.of(items), out);
        } else if (value instanceof Number n) {
            out.append(integer(n));
        } else {
            throw new IllegalArgumentException("Canonical JSON has no form for a " + value.getClass().getName()
                    + "; use a map, list, string, boolean, integer or null");
        }
    }

    private static void object(Map<?, ?> map, StringBuilder out) {
        List<String> keys = new ArrayList<>(map.size());
        for (Object key : map.keySet()) {
            if (!(key instanceof String s)) {
                throw new IllegalArgumentException("Canonical JSON object keys must be strings, not " + key);
            }
            keys.add(s);
        }
        // String.compareTo compares UTF-16 code units, which is the order RFC 8785 §3.2.3 prescribes.
        keys.sort(String::compareTo);
        out.append('{');
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            string(keys.get(i), out);
            out.append(':');
            write(map.get(keys.get(i)), out);
        }
        out.append('}');
    }

    private static void array(Collection<?> items, StringBuilder out) {
        out.append('[');
        boolean first = true;
        for (Object item : items) {
            if (!first) {
                out.append(',');
            }
            first = false;
            write(item, out);
        }
        out.append(']');
    }

    private static String integer(Number n) {
        long value;
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
            value = n.longValue();
        } else if (n instanceof BigInteger big) {
            if (big.bitLength() > 63) {
                throw tooLarge(n);
            }
            value = big.longValue();
        } else if (n instanceof BigDecimal || n instanceof Double || n instanceof Float) {
            BigDecimal d = n instanceof BigDecimal b ? b : new BigDecimal(n.doubleValue());
            if (n instanceof Double x && !Double.isFinite(x) || n instanceof Float f && !Float.isFinite(f)) {
                throw new IllegalArgumentException("Canonical JSON cannot hold " + n);
            }
            try {
                value = d.stripTrailingZeros().toBigIntegerExact().longValueExact();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("Canonical JSON here holds integers only, not " + n
                        + " (write decimals such as amounts as strings)", e);
            }
        } else {
            throw new IllegalArgumentException("Canonical JSON has no form for the number type "
                    + n.getClass().getName());
        }
        if (Math.abs(value) > MAX_SAFE_INTEGER) {
            throw tooLarge(n);
        }
        return Long.toString(value);
    }

    private static IllegalArgumentException tooLarge(Number n) {
        return new IllegalArgumentException("Canonical JSON integers must lie within ±(2^53 − 1), not " + n);
    }

    /** As ECMAScript's QuoteJSONString (ES2019, well-formed JSON.stringify). */
    private static void string(String s, StringBuilder out) {
        out.append('"');
        int length = s.length();
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        unicodeEscape(c, out);
                    } else if (Character.isHighSurrogate(c)) {
                        if (i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
                            out.append(c).append(s.charAt(++i));
                        } else {
                            unicodeEscape(c, out);
                        }
                    } else if (Character.isLowSurrogate(c)) {
                        // A low surrogate whose high half came before was consumed above: this one is alone.
                        unicodeEscape(c, out);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void unicodeEscape(char c, StringBuilder out) {
        out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF])
                .append(HEX[c & 0xF]);
    }
}
