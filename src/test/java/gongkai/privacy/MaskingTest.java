package gongkai.privacy;

import java.util.List;

import org.junit.jupiter.api.Test;

import gongkai.catalog.CatalogField;
import gongkai.catalog.FieldType;

import static org.assertj.core.api.Assertions.assertThat;

/** The masked forms a clerk sees on public output. */
class MaskingTest {

    private static CatalogField field(String name, FieldType type, boolean personal) {
        return new CatalogField(name, type, true, personal, List.of(), null);
    }

    @Test
    void namesKeepTheirFirstAndLastCharacter() {
        assertThat(Masking.name("张三")).isEqualTo("张*");
        assertThat(Masking.name("张三丰")).isEqualTo("张*丰");
        assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧**娜");
        assertThat(Masking.name("阿依古丽·买买提")).isEqualTo("阿******提");
        assertThat(Masking.name("王")).isEqualTo("*");
        assertThat(Masking.name(" 张三丰 ")).isEqualTo("张*丰");
    }

    @Test
    void aRareCharacterOutsideTheBasicPlaneCountsAsOne() {
        assertThat(Masking.name("𠮷三")).isEqualTo("𠮷*");
        assertThat(Masking.name("张𠮷丰")).isEqualTo("张*丰");
    }

    @Test
    void severalNamesInOneValueAreMaskedOneByOne() {
        assertThat(Masking.name("张三、李四丰,欧阳娜娜")).isEqualTo("张*、李*丰,欧**娜");
    }

    @Test
    void mobilesKeepThreeAndFourDigits() {
        assertThat(Masking.mobile("13907951234")).isEqualTo("139****1234");
        assertThat(Masking.mobile("139-0795-1234")).isEqualTo("139****1234");
        assertThat(Masking.mobile("+86 139 0795 1234")).isEqualTo("139****1234");
        assertThat(Masking.mobile("12345")).isEqualTo("*2345");
    }

    @Test
    void aPersonalLandlineKeepsItsAreaCodeAndLastFourDigits() {
        assertThat(Masking.phone("0795-3201234")).isEqualTo("0795-***1234");
        assertThat(Masking.phone("079532012345")).isEqualTo("0795-****2345");
        assertThat(Masking.phone("13907951234")).isEqualTo("139****1234");
    }

    @Test
    void anIdNumberNeverShowsADigit() {
        for (String id : List.of("11010519491231002X", "360902198001010017", "110105 19491231 002X", "123")) {
            assertThat(Masking.idNumber(id)).isEqualTo("（身份证号码不予公开）").doesNotContainPattern("[0-9０-９]");
        }
    }

    @Test
    void aBankCardKeepsOnlyItsLastFourDigits() {
        assertThat(Masking.bankCard("6222021234567894")).isEqualTo("**** **** **** 7894");
        assertThat(Masking.bankCard("6222 0212 3456 7890 128")).isEqualTo("**** **** **** 0128");
    }

    @Test
    void anEmailKeepsItsFirstCharacterAndDomain() {
        assertThat(Masking.email("zhangsan@example.com")).isEqualTo("z***@example.com");
        assertThat(Masking.email("a@example.com")).isEqualTo("a***@example.com");
        assertThat(Masking.email("没有邮箱")).isEqualTo("没***");
    }

    @Test
    void otherPersonalValuesKeepTheirFirstCharacter() {
        assertThat(Masking.other("袁州区某路88号")).isEqualTo("袁*******");
        assertThat(Masking.other("A")).isEqualTo("*");
    }

    @Test
    void nothingToHideStaysAsItIs() {
        assertThat(Masking.name(null)).isNull();
        assertThat(Masking.mobile("")).isEmpty();
        assertThat(Masking.idNumber(" ")).isEqualTo(" ");
    }

    @Test
    void personalFieldsOfTheCatalogueAreMaskedByWhatTheyHold() {
        assertThat(Masking.maskField(field("户主姓名", FieldType.TEXT, true), "王小明")).isEqualTo("王*明");
        assertThat(Masking.maskField(field("帮扶对象", FieldType.TEXT, true), "张三、李四")).isEqualTo("张*、李*");
        assertThat(Masking.maskField(field("姓名", FieldType.TEXT, true), "欧阳娜娜")).isEqualTo("欧**娜");
        assertThat(Masking.maskField(field("监护人", FieldType.TEXT, true), "张三丰")).isEqualTo("张*丰");
        assertThat(Masking.maskField(field("联系电话", FieldType.PHONE, true), "13907951234")).isEqualTo("139****1234");
        assertThat(Masking.maskField(field("身份证号码", FieldType.TEXT, true), "11010519491231002X"))
                .isEqualTo("（身份证号码不予公开）");
        assertThat(Masking.maskField(field("收款银行卡号", FieldType.TEXT, true), "6222021234567894"))
                .isEqualTo("**** **** **** 7894");
        assertThat(Masking.maskField(field("电子邮箱", FieldType.TEXT, true), "zhangsan@example.com"))
                .isEqualTo("z***@example.com");
        assertThat(Masking.maskField(field("家庭住址", FieldType.TEXT, true), "袁州区某路88号")).isEqualTo("袁*******");
    }

    @Test
    void fieldsThatAreNotPersonalArePublishedAsEntered() {
        assertThat(Masking.maskField(field("帮扶责任人", FieldType.TEXT, false), "李明")).isEqualTo("李明");
        assertThat(Masking.maskField(field("联系电话", FieldType.PHONE, false), "13907951234")).isEqualTo("13907951234");
        assertThat(Masking.maskField(field("家庭人口", FieldType.INTEGER, false), "3")).isEqualTo("3");
    }
}
