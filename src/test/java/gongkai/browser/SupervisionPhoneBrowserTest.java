package gongkai.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import gongkai.support.Browser;

/** 公开情况 on a resident's phone: readable without sideways scrolling of the page, and accessible. */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SupervisionPhoneBrowserTest {

    @RegisterExtension
    static final Browser phone = Browser.phone();

    @LocalServerPort
    int port;

    @Test
    void disclosureStatusOnAPhone() throws Exception {
        for (String path : new String[] {"/disclosure-status", "/disclosure-status?org=ycsmzj", "/assessment",
                "/supervision"}) {
            phone.get("http://localhost:" + port + path);
            Long overflow = (Long) phone.driver().executeScript(
                    "return document.documentElement.scrollWidth - window.innerWidth;");
            assertThat(overflow).as("no sideways scrolling of the page on " + path).isLessThanOrEqualTo(0L);
            phone.assertNoAccessibilityProblems();
        }
        phone.get("http://localhost:" + port + "/disclosure-status?org=ycsmzj&year=" + LocalDate.now().getYear());
        phone.screenshot("disclosure-status-phone");
    }
}
