package gongkai.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import gongkai.catalog.CatalogField;
import gongkai.catalog.FieldType;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.PlatformConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** What a clerk checks of the privacy guard: real personal data is found, look-alikes are not. */
class PersonalDataGuardTest {

    /** 2026-06-01 in China: birth dates after it are not plausible. */
    private final PersonalDataGuard guard = new PersonalDataGuard(
            Clock.fixed(Instant.parse("2026-06-01T02:00:00Z"), PlatformConfiguration.CHINA));

    private List<Finding> scan(String text) {
        return guard.scan(text, "正文");
    }

    private List<PersonalDataKind> kinds(String text) {
        return scan(text).stream().map(Finding::kind).toList();
    }

    @Nested
    class ResidentIdNumbers {

        @Test
        void theStandardsExampleIsFoundAndAWrongCheckCharacterIsNot() {
            assertThat(kinds("11010519491231002X")).containsExactly(PersonalDataKind.ID_NUMBER);
            assertThat(kinds("11010519491231002x")).containsExactly(PersonalDataKind.ID_NUMBER);
            for (char wrong : "0123456789".toCharArray()) {
                assertThat(scan("11010519491231002" + wrong)).as("check character %s", wrong).isEmpty();
            }
        }

        @Test
        void aNumberWithAWrongCheckDigitIsNotTakenForABankCard() {
            // 110105194912310028 fails the ID check but passes the Luhn check.
            assertThat(scan("身份证号110105194912310028")).isEmpty();
        }

        @Test
        void theBirthDateMustBeARealDayFrom1900ToToday() {
            assertThat(kinds("360902198001010017")).containsExactly(PersonalDataKind.ID_NUMBER);
            assertThat(kinds("360981199202290043")).as("29 February 1992").containsExactly(PersonalDataKind.ID_NUMBER);
            assertThat(scan("360902200002300016")).as("30 February 2000").isEmpty();
            assertThat(scan("360902202701010017")).as("born next year").isEmpty();
            assertThat(scan("360902189901010018")).as("born 1899").isEmpty();
            assertThat(scan("440524188001010014")).as("the standard's 1880 example").isEmpty();
        }

        @Test
        void theFirstDigitNamesAProvinceFrom1To8() {
            assertThat(scan("910105194912310029")).isEmpty();
        }

        @Test
        void anIdInChineseTextIsFoundWhereItIsAndShownWithoutItsDigits() {
            String text = "户主王某，身份证号11010519491231002X，家住…";
            List<Finding> findings = guard.scan(text, "数据第3行“备注”");
            assertThat(findings).hasSize(1);
            Finding f = findings.get(0);
            assertThat(f.kind()).isEqualTo(PersonalDataKind.ID_NUMBER);
            assertThat(f.where()).isEqualTo("数据第3行“备注”");
            assertThat(text.substring(f.start(), f.end())).isEqualTo("11010519491231002X");
            assertThat(f.start()).isEqualTo(9);
            assertThat(f.end()).isEqualTo(27);
            assertThat(f.shown()).isEqualTo("**************002X").doesNotContain("110105").doesNotContain("19491231");
            assertThat(f.suggestion()).isEqualTo("（身份证号码不予公开）");
            assertThat(f.message()).contains("居民身份证号码").doesNotContain("11010519491231002X");
        }

        @Test
        void seventeenAndNineteenCharacterRunsAreNotIdNumbers() {
            assertThat(scan("11010519491231002")).isEmpty();
            assertThat(scan("110105194912310021X")).isEmpty();
            assertThat(scan("911010519491231002X")).isEmpty();
            assertThat(scan("A11010519491231002X")).isEmpty();
            assertThat(scan("11010519491231002XB")).isEmpty();
        }

        @Test
        void anIdWrittenInGroupsOrFullWidthIsFound() {
            assertThat(kinds("身份证：110105 19491231 002X。")).containsExactly(PersonalDataKind.ID_NUMBER);
            String fullWidth = "身份证号１１０１０５１９４９１２３１００２Ｘ";
            Finding f = scan(fullWidth).get(0);
            assertThat(f.kind()).isEqualTo(PersonalDataKind.ID_NUMBER);
            assertThat(fullWidth.substring(f.start(), f.end())).isEqualTo("１１０１０５１９４９１２３１００２Ｘ");
        }
    }

    @Nested
    class MobileNumbers {

        @Test
        void aMobileIsFoundWithOrWithoutSeparators() {
            for (String written : List.of("13907951234", "139-0795-1234", "139 0795 1234", "１３９０７９５１２３４")) {
                String text = "联系电话：" + written + "。";
                List<Finding> findings = scan(text);
                assertThat(findings).as(written).hasSize(1);
                Finding f = findings.get(0);
                assertThat(f.kind()).isEqualTo(PersonalDataKind.MOBILE);
                assertThat(text.substring(f.start(), f.end())).isEqualTo(written);
                assertThat(f.suggestion()).isEqualTo("139****1234");
                assertThat(f.shown()).isEqualTo("139****1234");
            }
        }

        @Test
        void theCountryCodeStaysOutsideTheMatch() {
            for (String text : List.of("+86 13907951234", "+8613907951234", "8613907951234")) {
                Finding f = scan(text).get(0);
                assertThat(text.substring(f.start(), f.end())).as(text).isEqualTo("13907951234");
            }
        }

        @Test
        void landlinesAndOtherNumbersAreNotMobiles() {
            assertThat(scan("办公电话：0795-3201234")).isEmpty();
            assertThat(scan("0795 3201234")).isEmpty();
            assertThat(scan("12907951234")).as("no mobile begins with 12").isEmpty();
            assertThat(scan("139079512345")).as("twelve digits").isEmpty();
            assertThat(scan("213907951234")).as("inside a longer run").isEmpty();
            assertThat(scan("1390795123")).as("ten digits").isEmpty();
        }
    }

    @Nested
    class BankCards {

        @Test
        void luhnValidCardsOf16And19DigitsAreFound() {
            for (String card : List.of("6222021234567894", "6222021234567890128", "6222 0212 3456 7894",
                    "6222-0212-3456-7890-128")) {
                String text = "收款账号：" + card + "，开户行：某银行";
                List<Finding> findings = scan(text);
                assertThat(findings).as(card).hasSize(1);
                Finding f = findings.get(0);
                assertThat(f.kind()).isEqualTo(PersonalDataKind.BANK_CARD);
                assertThat(text.substring(f.start(), f.end())).isEqualTo(card);
                String digits = card.replaceAll("\\D", "");
                assertThat(f.suggestion()).isEqualTo("**** **** **** " + digits.substring(digits.length() - 4));
            }
        }

        @Test
        void aCardNumberFailingTheLuhnCheckIsNotFound() {
            assertThat(scan("6222021234567895")).isEmpty();
            assertThat(scan("4111111111111112")).isEmpty();
        }

        @Test
        void placeholdersAndCodesAreNotCards() {
            assertThat(scan("0000000000000000")).as("a run of zeros").isEmpty();
            // Luhn-valid, but a unified social credit code, as in an index number.
            assertThat(scan("索引号：123609004912345995/2026-00012")).isEmpty();
            assertThat(scan("编号SN6222021234567894")).as("letters make it a code").isEmpty();
        }

        @Test
        void aLongDocumentReferenceYieldsNothing() {
            // Digits 2..19 of this 25-digit reference pass the Luhn check on their own.
            assertThat(scan("文件编号2024360902000012345678901，请查收。")).isEmpty();
            assertThat(scan("6222 0212 3456 7894 5678")).as("five groups of four").isEmpty();
        }
    }

    @Nested
    class EmailAddresses {

        @Test
        void anAddressIsFoundAndMasked() {
            String text = "请发送至zhangsan@example.com。";
            Finding f = scan(text).get(0);
            assertThat(f.kind()).isEqualTo(PersonalDataKind.EMAIL);
            assertThat(text.substring(f.start(), f.end())).isEqualTo("zhangsan@example.com");
            assertThat(f.suggestion()).isEqualTo("z***@example.com");
        }

        @Test
        void anAddressBuiltOnAMobileNumberIsOneEmailFinding() {
            assertThat(kinds("13907951234@163.com")).containsExactly(PersonalDataKind.EMAIL);
        }

        @Test
        void governmentMailboxesAreOfficeContacts() {
            assertThat(scan("来信请寄 xxgk@yichun.gov.cn")).isEmpty();
        }
    }

    @Nested
    class Html {

        @Test
        void matchesInTextAndInAttributesCount() {
            String html = "<p>联系人：王某，电话<strong>13907951234</strong>，"
                    + "<a href=\"mailto:wangmou@example.com\">来信</a></p>";
            List<Finding> findings = scan(html);
            assertThat(findings).extracting(Finding::kind)
                    .containsExactly(PersonalDataKind.MOBILE, PersonalDataKind.EMAIL);
            assertThat(html.substring(findings.get(1).start(), findings.get(1).end())).isEqualTo("wangmou@example.com");
        }
    }

    @Nested
    class ApplyingSuggestions {

        private static final String TEXT = "<p>户主王某，身份证号11010519491231002X，电话139 0795 1234，"
                + "卡号6222021234567890128，邮箱<a href=\"mailto:wangmou@example.com\">wangmou@example.com</a>。</p>";

        @Test
        void theMaskedTextHasNoFindingsLeft() {
            List<Finding> findings = scan(TEXT);
            assertThat(findings).hasSize(5);
            String masked = guard.applySuggestions(TEXT, findings);
            assertThat(scan(masked)).isEmpty();
            assertThat(masked).isEqualTo("<p>户主王某，身份证号（身份证号码不予公开），电话139****1234，"
                    + "卡号**** **** **** 0128，邮箱<a href=\"mailto:w***@example.com\">w***@example.com</a>。</p>");
        }

        @Test
        void onlyTheChosenFindingsAreApplied() {
            List<Finding> ids = scan(TEXT).stream().filter(f -> f.kind() == PersonalDataKind.ID_NUMBER).toList();
            String masked = guard.applySuggestions(TEXT, ids);
            assertThat(scan(masked)).extracting(Finding::kind).doesNotContain(PersonalDataKind.ID_NUMBER).hasSize(4);
        }

        @Test
        void findingsOfAnEarlierVersionOfTheTextAreRefused() {
            List<Finding> findings = scan(TEXT);
            assertThatThrownBy(() -> guard.applySuggestions("补充说明：" + TEXT, findings))
                    .isInstanceOf(InvalidInputProblem.class).hasMessageContaining("重新检查");
        }

        @Test
        void nothingChosenChangesNothing() {
            assertThat(guard.applySuggestions(TEXT, List.of())).isEqualTo(TEXT);
        }
    }

    @Nested
    class Fields {

        @Test
        void aTelephoneFieldsOwnNumberIsNotAFindingButAnIdInItIs() {
            CatalogField phone = new CatalogField("联系电话", FieldType.PHONE, true, false, List.of(), null);
            assertThat(guard.scanField(phone, "13907951234", "数据第1行“联系电话”")).isEmpty();
            assertThat(guard.scanField(phone, "11010519491231002X", "数据第1行“联系电话”"))
                    .extracting(Finding::kind).containsExactly(PersonalDataKind.ID_NUMBER);
        }

        @Test
        void aMobileInATextFieldIsAFinding() {
            CatalogField remark = new CatalogField("帮扶措施", FieldType.TEXT, false, false, List.of(), null);
            assertThat(guard.scanField(remark, "请联系13907951234", "数据第2行“帮扶措施”"))
                    .extracting(Finding::kind, Finding::where)
                    .containsExactly(tuple(PersonalDataKind.MOBILE, "数据第2行“帮扶措施”"));
        }
    }

    @Test
    void emptyAndNullTextsHaveNoFindings() {
        assertThat(scan("")).isEmpty();
        assertThat(scan(null)).isEmpty();
    }
}
