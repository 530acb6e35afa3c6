package gongkai.shared;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Canonical JSON as RFC 8785 and ECMAScript's JSON.stringify write it. The expected texts and hashes were produced
 * with Node.js ({@code JSON.stringify} of the key-sorted value, {@code crypto} SHA-256), except where noted.
 */
class CanonicalJsonTest {

    @Test
    void keysAreSortedByUtf16CodeUnitsAsInRfc8785() {
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("\u20ac", "Euro Sign");
        keys.put("\r", "Carriage Return");
        keys.put("\ufb33", "Hebrew Letter Dalet With Dagesh");
        keys.put("1", "One");
        keys.put("\ud83d\ude00", "Emoji: Grinning Face");
        keys.put("\u0080", "Control");
        keys.put("\u00f6", "Latin Small Letter O With Diaeresis");
        // RFC 8785 §3.2.3: the emoji (U+1F600, code units D83D DE00) sorts before U+FB33. A JavaScript object would
        // list the integer-like key "1" first whatever its insertion order; JCS does not.
        assertThat(CanonicalJson.write(keys)).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\","
                + "\"\u0080\":\"Control\",\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void controlCharactersQuotesAndBackslashesAreEscapedAsJsonStringifyDoes() {
        String text = "\u0000\u0001\u001f\u007f\b\f\n\r\t\"\\/";
        String canonical = CanonicalJson.write(text);
        assertThat(canonical).isEqualTo("\"\\u0000\\u0001\\u001f\u007f\\b\\f\\n\\r\\t\\\"\\\\/\"");
        assertThat(CanonicalJson.sha256Hex(text))
                .isEqualTo("a58160c7bf9716d0b0e615ca30cd31b9fbaee9b57380ab1d233e6c4a8ab6bebe");
    }

    @Test
    void loneSurrogatesAreEscapedInLowercaseAndPairsStayRaw() {
        List<String> texts = List.of("\uD800", "a\uDC00b", "\uDBFF\uDFFF", "\uDC00\uD800", "x\uD83D");
        assertThat(CanonicalJson.write(texts))
                .isEqualTo("[\"\\ud800\",\"a\\udc00b\",\"\uDBFF\uDFFF\",\"\\udc00\\ud800\",\"x\\ud83d\"]");
        assertThat(CanonicalJson.sha256Hex(texts))
                .isEqualTo("cf3a2045f7ffe21951f4e277c0391135c6acdb2bdfe280bd7d129e7526d83715");
    }

    @Test
    void chineseTextLineSeparatorsAndLiteralsAreWrittenRawInUtf8() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("标题", "宜春市\u2028低保");
        value.put("a", List.of(1, -1L, 0, CanonicalJson.MAX_SAFE_INTEGER, -CanonicalJson.MAX_SAFE_INTEGER));
        value.put("n", null);
        value.put("t", true);
        value.put("f", false);
        value.put("e", Map.of());
        value.put("l", List.of());
        assertThat(CanonicalJson.write(value)).isEqualTo("{\"a\":[1,-1,0,9007199254740991,-9007199254740991],"
                + "\"e\":{},\"f\":false,\"l\":[],\"n\":null,\"t\":true,\"标题\":\"宜春市\u2028低保\"}");
        assertThat(CanonicalJson.sha256Hex(value))
                .isEqualTo("20d1291cf0cf74a2b3e40ee4228c3f050636f7ab08b6d99517e47b51b1212a00");
        assertThat(CanonicalJson.utf8("宜")).containsExactly(0x22, 0xe5 - 256, 0xae - 256, 0x9c - 256, 0x22);
    }

    @Test
    void nestedObjectsAreSortedAtEveryLevelAndArraysKeepTheirOrder() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", 1);
        inner.put("a", Arrays.asList("b", null, "a"));
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("y", List.of(inner, Map.of()));
        outer.put("x", new Object[] {2, "1"});
        assertThat(CanonicalJson.write(outer)).isEqualTo("{\"x\":[2,\"1\"],\"y\":[{\"a\":[\"b\",null,\"a\"],\"z\":1},{}]}");
    }

    @Test
    void integralNumbersOfOtherTypesAreWrittenAsIntegers() {
        assertThat(CanonicalJson.write(List.of(BigInteger.TEN, new BigDecimal("20.00"), 3.0, -0.0, (short) 4)))
                .isEqualTo("[10,20,3,0,4]");
    }

    @Test
    void nonIntegersUnsafeIntegersAndUnknownTypesAreRefusedClearly() {
        assertThatThrownBy(() -> CanonicalJson.write(Map.of("amount", 1.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("integers only");
        assertThatThrownBy(() -> CanonicalJson.write(new BigDecimal("0.10")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("integers only");
        assertThatThrownBy(() -> CanonicalJson.write(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.write(CanonicalJson.MAX_SAFE_INTEGER + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2^53");
        assertThatThrownBy(() -> CanonicalJson.write(BigInteger.TWO.pow(70)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.write(java.time.LocalDate.of(2026, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LocalDate");
        assertThatThrownBy(() -> CanonicalJson.write(Map.of(1, "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keys must be strings");
    }
}
