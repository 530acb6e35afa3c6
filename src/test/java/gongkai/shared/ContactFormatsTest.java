package gongkai.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The phone formats: an office's number may be local; a member of the public's must be callable from anywhere. */
class ContactFormatsTest {

    @Test
    void officeNumbersMayBeLocalButAPersonsNumberNeedsAMobileOrAnAreaCode() {
        assertThat(ContactFormats.isPhone("3210000")).isTrue();
        assertThat(ContactFormats.isPhone("12345")).isTrue();
        assertThat(ContactFormats.isPersonalPhone("13907951234")).isTrue();
        assertThat(ContactFormats.isPersonalPhone("0795-3210000")).isTrue();
        assertThat(ContactFormats.isPersonalPhone("0795 3210000-12")).isTrue();
        assertThat(ContactFormats.isPersonalPhone("1390795")).isFalse();
        assertThat(ContactFormats.isPersonalPhone("3210000")).isFalse();
        assertThat(ContactFormats.isPersonalPhone("12345")).isFalse();
        assertThat(ContactFormats.isPersonalPhone("400-800-1234")).isFalse();
        assertThat(ContactFormats.isPersonalPhone("23907951234")).isFalse();
        assertThat(ContactFormats.isPersonalPhone(null)).isFalse();
    }
}
