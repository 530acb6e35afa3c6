package gongkai.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import gongkai.shared.InvalidInputProblem;
import gongkai.shared.PlatformConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The privacy guard reads a text as a person reads it: an ID, mobile or card number broken up by markup, invisible
 * characters, compatibility forms, character references or separators is still found — and the figures, dates,
 * document numbers and office telephones of ordinary government text are not.
 */
class DisguisedPersonalDataTest {

    private static final PersonalDataKind ID = PersonalDataKind.ID_NUMBER;
    private static final PersonalDataKind MOBILE = PersonalDataKind.MOBILE;
    private static final PersonalDataKind CARD = PersonalDataKind.BANK_CARD;
    private static final PersonalDataKind EMAIL = PersonalDataKind.EMAIL;

    /** 2026-06-01 in China. */
    private final PersonalDataGuard guard = new PersonalDataGuard(
            Clock.fixed(Instant.parse("2026-06-01T02:00:00Z"), PlatformConfiguration.CHINA));

    /** Each disguise stands inside an ordinary sentence, the way a clerk would paste it. */
    static Stream<Arguments> disguises() {
        return Stream.of(
                // markup
                arguments("empty bold element", "1101<b></b>0519491231002X", ID),
                arguments("bold around the first part", "<b>110105</b>19491231002X", ID),
                arguments("one element per digit", "<b>1</b><i>3</i><u>9</u>07951234", MOBILE),
                arguments("three spans", "<span>1101</span><span>05194912</span><span>31002X</span>", ID),
                arguments("element with attributes", "139<span class=\"x\" title=\"y\">0795</span>1234", MOBILE),
                arguments("HTML comment", "1390795<!-- 备注 -->1234", MOBILE),
                arguments("line break element", "139<br>0795<br/>1234", MOBILE),
                arguments("two paragraphs", "<p>110105</p><p>19491231002X</p>", ID),
                arguments("image alt text", "<img src=\"a.png\" alt=\"身份证 110105.19491231.002X\">", ID),
                arguments("title attribute with a reference", "<span title=\"&#49;39 0795 1234\">联系</span>", MOBILE),
                arguments("e-mail split by markup", "wang<b></b>mou@example.com", EMAIL),
                // character references
                arguments("decimal references", "&#49;&#51;&#57;07951234", MOBILE),
                arguments("hexadecimal references", "&#x31;&#x31;0105 19491231002X", ID),
                arguments("no-break space references", "139&nbsp;0795&nbsp;1234", MOBILE),
                arguments("soft hyphen references", "110105&shy;19491231&shy;002X", ID),
                // format and invisible characters
                arguments("zero-width spaces", "110105\u200B19491231\u200B002X", ID),
                arguments("zero-width non-joiner between digits", "1\u200C3\u200C9\u200C0795\u200C1234", MOBILE),
                arguments("zero-width joiner and word joiner", "139\u200D0795\u20601234", MOBILE),
                arguments("byte order mark inside", "1390\uFEFF7951234", MOBILE),
                arguments("soft hyphens", "110105\u00AD1949\u00AD1231\u00AD002X", ID),
                arguments("bidi marks", "139\u200E0795\u200F1234", MOBILE),
                arguments("bidi embedding", "\u202A139\u202C0795\u202A1234\u202C", MOBILE),
                arguments("combining marks on digits", "1\u03323\u03329\u033207951234", MOBILE),
                arguments("Hangul filler as blank", "139\u31640795\u31641234", MOBILE),
                arguments("zero-width spaces in a card", "6222\u200B0212\u200B3456\u200B7894", CARD),
                // compatibility forms
                arguments("full-width digits and ideographic spaces", "１３９　０７９５　１２３４", MOBILE),
                arguments("full-width digits and full stops", "１３９．０７９５．１２３４", MOBILE),
                arguments("full-width ID with lower-case x", "１１０１０５．１９４９１２３１．００２ｘ", ID),
                arguments("circled digits", "①③⑨07951234", MOBILE),
                arguments("mathematical bold digits", "𝟏𝟑𝟗𝟎𝟕𝟗𝟓𝟏𝟐𝟑𝟒", MOBILE),
                arguments("superscript digits", "¹³⁹07951234", MOBILE),
                arguments("Arabic-Indic digits", "١٣٩٠٧٩٥١٢٣٤", MOBILE),
                // separators
                arguments("dots", "139.0795.1234", MOBILE),
                arguments("a space between every digit", "1 3 9 0 7 9 5 1 2 3 4", MOBILE),
                arguments("middle dots", "139·0795·1234", MOBILE),
                arguments("mixed hyphen and dot", "139-0795.1234", MOBILE),
                arguments("en and em dashes", "139–0795—1234", MOBILE),
                arguments("no-break spaces", "139\u00A00795\u00A01234", MOBILE),
                arguments("tabs", "139\t0795\t1234", MOBILE),
                arguments("line breaks", "139\n0795\r\n1234", MOBILE),
                arguments("underscores", "139_0795_1234", MOBILE),
                arguments("slashes", "139/0795/1234", MOBILE),
                arguments("full-width commas", "139，0795，1234", MOBILE),
                arguments("enumeration commas between digits", "1、3、9、0、7、9、5、1、2、3、4", MOBILE),
                arguments("spaced hyphens", "139 - 0795 - 1234", MOBILE),
                arguments("irregular groups with spaces", "1390 795 1234", MOBILE),
                arguments("ID in dotted groups", "110105.19491231.002X", ID),
                arguments("ID in groups of three", "110 105 194 912 310 02X", ID),
                arguments("ID check character set apart", "11010519491231002 X", ID),
                arguments("ID with lower-case x and mixed separators", "360902-1980.0101 001_7", ID),
                arguments("ID across lines", "440306\n19851203\n4523", ID),
                arguments("card with mixed separators", "6222 0212.3456-7894", CARD),
                arguments("card of 19 digits in two groups", "622202 1234567890128", CARD),
                // country codes
                arguments("+86 with dots", "+86.139.0795.1234", MOBILE),
                arguments("0086 with spaces", "0086 139 0795 1234", MOBILE),
                arguments("86 glued, then dots", "86139.0795.1234", MOBILE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("disguises")
    void aDisguisedNumberIsFound(String name, String disguise, PersonalDataKind kind) {
        String text = "<p>联系人王某，" + disguise + "，请核实。</p>";
        List<Finding> findings = guard.scan(text, "正文");
        assertThat(findings).as(name).extracting(Finding::kind).containsExactly(kind);
        Finding f = findings.get(0);
        // Whatever is shown to the editor or logged never holds the number.
        assertThat(f.message()).doesNotContain("13907951234").doesNotContain("0519491231")
                .doesNotContain("3456789");
        // The finding's span covers the number in the original text: masking it leaves nothing to find.
        String span = text.substring(f.start(), f.end());
        String masked = text.substring(0, f.start()) + f.suggestion() + text.substring(f.end());
        assertThat(guard.scan(masked, "正文")).as("%s masked as %s", name, masked).isEmpty();
        assertThat(span).as(name).doesNotStartWith("，").doesNotEndWith("，");
    }

    @Test
    void thereAreAtLeastThirtyDisguises() {
        assertThat(disguises().count()).isGreaterThanOrEqualTo(30);
        assertThat(legitimate().count()).isGreaterThanOrEqualTo(30);
    }

    /** What government text is full of, and must pass without a word from the guard. */
    static Stream<Arguments> legitimate() {
        return Stream.of(
                arguments("index number", "索引号：ycsjyj/2026-00001"),
                arguments("index number with a credit code", "索引号：123609004912345995/2026-00012"),
                arguments("document number", "宜府发〔2026〕12号"),
                arguments("document number with a long sequence", "赣府厅字〔2026〕138号、宜府办发〔2025〕7号"),
                arguments("dates with hyphens", "成文日期：2026-01-03，发布日期：2026-01-13"),
                arguments("dates with dots", "2026.01.03"),
                arguments("dates with slashes", "2026/1/3 至 2026/12/31"),
                arguments("date range with dots", "实施期限2026.01.01-2026.12.31"),
                arguments("date range in words", "2026年1月1日至2026年12月31日"),
                arguments("amount with thousands", "资金1,234,567.89元"),
                arguments("large amount with thousands", "总额13,907,951,234元"),
                arguments("amount grouped with thin spaces", "总额 13 907 951 234 元"),
                arguments("decimals in a row", "增长率 13.5 20.1 30.2 4.5"),
                arguments("long decimal fraction", "系数0.2331557947513334"),
                arguments("percentages", "13.9%、07.9%、51.2%、34%"),
                arguments("office landline", "咨询电话：0795-3201234"),
                arguments("office landline with extension", "0795-3201234-8001"),
                arguments("office landline in parts", "0795 320 1234"),
                arguments("two landlines", "0795-3201234、0795-3205678"),
                arguments("hotline", "12345政务服务便民热线，12315"),
                arguments("postcode", "邮编336000"),
                arguments("credit code", "统一社会信用代码：11360900014512345X"),
                arguments("reference failing Luhn", "业务编号6222 0212 3456 7895"),
                arguments("dotted reference failing Luhn", "6222.0212.3456.7895"),
                arguments("reference beginning with 9", "流水号9100 0000 0000 0003"),
                arguments("ID-like with a wrong check character", "110105 19491231 0028"),
                arguments("ID-like born next year", "360902.20270101.0017"),
                arguments("time range", "办公时间 13:45-15:30"),
                arguments("IP address", "192.168.139.79"),
                arguments("article numbers", "第13、15、17、19、2、3条"),
                arguments("table row of figures", "2025年 15 230 4567 12"),
                arguments("table of figures", "<table><tr><td>139</td><td>0795</td><td>1234</td></tr>"
                        + "<tr><td>2025</td><td>15</td><td>230</td></tr></table>"),
                arguments("long table in extracted text", longTable()),
                arguments("version number", "版本V1.3.9.0795"),
                arguments("masked mobile", "联系电话139****1234"),
                arguments("masked card", "卡号**** **** **** 7894"),
                arguments("government mailbox split by markup", "xxgk<b></b>@yichun.gov.cn"),
                arguments("school year", "2026-2027学年，2026-2027学年"),
                arguments("page range", "见第139-150页"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("legitimate")
    void ordinaryTextIsNotFlagged(String name, String text) {
        assertThat(guard.scan(text, "正文")).as(name).isEmpty();
    }

    /** What text extraction gives for a statistical table: figures split by tabs, rows by line breaks. */
    private static String longTable() {
        StringBuilder table = new StringBuilder("年份\t户数\t人数\t金额（万元）\t占比\n");
        for (int year = 2000; year <= 2026; year++) {
            int households = 130 + (year * 7) % 60;
            table.append(year).append('\t').append(households).append('\t').append(households * 3 + year % 7)
                    .append('\t').append(1000 + year % 13 * 97).append('.').append(year % 10).append('\t')
                    .append(year % 9 + 10).append(".5%\n");
        }
        return table.toString();
    }

    @Test
    void aNumberHiddenOnlyByInvisibleCharactersIsMaskedInOneClick() {
        String text = "<p>联系电话1\u200B39 0795.1234，身份证110105&nbsp;19491231&nbsp;002X。</p>";
        List<Finding> findings = guard.scan(text, "正文");
        assertThat(findings).extracting(Finding::kind).containsExactly(MOBILE, ID);
        assertThat(findings).allMatch(Finding::maskable);
        String masked = guard.applySuggestions(text, findings);
        assertThat(masked).isEqualTo("<p>联系电话139****1234，身份证（身份证号码不予公开）。</p>");
        assertThat(guard.scan(masked, "正文")).isEmpty();
    }

    @Test
    void aNumberSplitAcrossAnElementBoundaryMustBeRemovedByHand() {
        String text = "<p>身份证<b>110105</b>19491231002X</p>";
        Finding f = guard.scan(text, "正文").get(0);
        assertThat(f.kind()).isEqualTo(ID);
        assertThat(f.maskable()).isFalse();
        assertThatThrownBy(() -> guard.applySuggestions(text, List.of(f)))
                .isInstanceOf(InvalidInputProblem.class).hasMessageContaining("手工删除");
        // Whole elements inside the span do not stop one-click masking.
        String whole = "<p>身份证1101<b></b>05<i>1949</i>1231002X</p>";
        Finding w = guard.scan(whole, "正文").get(0);
        assertThat(w.maskable()).isTrue();
        assertThat(guard.applySuggestions(whole, List.of(w))).isEqualTo("<p>身份证（身份证号码不予公开）</p>");
    }

    @Test
    void aNumberWrittenPlainlyKeepsItsExactSpan() {
        String text = "电话139-0795-1234。";
        Finding f = guard.scan(text, "标题").get(0);
        assertThat(text.substring(f.start(), f.end())).isEqualTo("139-0795-1234");
        assertThat(f.maskable()).isTrue();
    }

    @Test
    void aNumberAmongFiguresIsReadWhereCommasPartThem() {
        assertThat(guard.scan("电话139 0795 1234，2026年起", "正文")).extracting(Finding::kind)
                .containsExactly(MOBILE);
        assertThat(guard.scan("编号：2026、110105 19491231 002X、12", "正文")).extracting(Finding::kind)
                .containsExactly(ID);
    }
}
