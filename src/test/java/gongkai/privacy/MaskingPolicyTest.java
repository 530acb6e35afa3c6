package gongkai.privacy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The published policy says what the platform does. */
class MaskingPolicyTest {

    @Test
    void everyExampleIsMaskedExceptTheFieldsPublishedAsEntered() {
        assertThat(MaskingPolicy.rules()).hasSizeGreaterThanOrEqualTo(8).allSatisfy(r -> {
            assertThat(r.what()).isNotBlank();
            assertThat(r.how()).isNotBlank();
            assertThat(r.reason()).isNotBlank();
        });
        assertThat(MaskingPolicy.rules()).filteredOn(r -> !r.how().contains("原样公开"))
                .allSatisfy(r -> assertThat(r.after()).isNotEqualTo(r.before()).satisfiesAnyOf(
                        after -> assertThat(after).contains("*"),
                        after -> assertThat(after).isEqualTo(Masking.ID_NUMBER_WITHHELD)));
    }

    @Test
    void theIdNumberRuleComesFirstShowsNoDigitAndCitesTheRules() {
        MaskingRule id = MaskingPolicy.rules().get(0);
        assertThat(id.what()).isEqualTo("居民身份证号码");
        assertThat(id.after()).doesNotContainPattern("[0-9]");
        assertThat(id.reason()).contains("国办发〔2017〕47号", "北京");
    }

    @Test
    void theNameMobileAndEmailExamplesAreThere() {
        assertThat(MaskingPolicy.rules()).extracting(MaskingRule::before, MaskingRule::after).contains(
                tuple("张三", "张*"),
                tuple("张三丰", "张*丰"),
                tuple("欧阳娜娜", "欧**娜"),
                tuple("13907951234", "139****1234"),
                tuple("zhangsan@example.com", "z***@example.com"));
    }
}
