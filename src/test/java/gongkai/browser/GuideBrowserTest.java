package gongkai.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import gongkai.org.OrganisationDetails;
import gongkai.org.Organisations;
import gongkai.support.Acting;
import gongkai.support.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resident on a phone finds a body's 政府信息公开指南 from the home page in three clicks and reads it without
 * scrolling sideways: the request flow chart and the handling office's contacts show. The same page at desktop width.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class GuideBrowserTest {

    @RegisterExtension
    static final Browser phone = Browser.window(390, 844);
    @RegisterExtension
    static final Browser desktop = Browser.desktop();

    @LocalServerPort
    int port;
    @Autowired
    Organisations organisations;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void fromTheHomePageToABodysGuideInThreeClicksOnAPhone() throws Exception {
        Acting.as(Acting.cityAdmin(), () -> organisations.amend("ycsmzj", new OrganisationDetails("", "", "", "", "",
                "宜春市民政局办公室", "宜春市袁州区示例路1号", "周一至周五上午8:30—12:00，下午14:30—17:30", "0795-3201234",
                "0795-3201235", "336000", "xxgk-test@example.org", "")));

        phone.get(url("/"));
        assertThat((Long) phone.driver().executeScript("return window.innerWidth;")).isEqualTo(390L);
        phone.findElement(By.linkText("公开机构")).click();
        phone.findElement(By.linkText("宜春市民政局")).click();
        phone.findElement(By.id("guide-link")).click();

        assertThat(phone.findElement(By.tagName("h1")).getText()).startsWith("宜春市民政局政府信息公开指南");
        List<WebElement> steps = phone.findElements(By.cssSelector("ol.flow > li .flow-name"));
        assertThat(steps).extracting(WebElement::getText).containsExactly("提出申请", "登记、补正", "答复", "送达");
        assertThat(steps).allMatch(WebElement::isDisplayed);
        String contacts = phone.findElement(By.id("contacts")).getText();
        assertThat(contacts).contains("宜春市民政局办公室", "0795-3201235", "336000", "xxgk-test@example.org");
        assertThat((Boolean) phone.driver().executeScript(
                "return document.scrollingElement.scrollWidth <= window.innerWidth;")).as("no sideways scrolling").isTrue();
        phone.assertNoAccessibilityProblems();
        keep(phone.screenshotWholePage("guide-phone-390"));

        desktop.get(phone.getCurrentUrl());
        assertThat((Boolean) desktop.driver().executeScript(
                "return document.scrollingElement.scrollWidth <= window.innerWidth;")).isTrue();
        // On a wide screen the four steps stand in one row.
        List<WebElement> boxes = desktop.findElements(By.cssSelector("ol.flow > li"));
        assertThat(boxes).extracting(b -> b.getLocation().getY()).containsOnly(boxes.get(0).getLocation().getY());
        keep(desktop.screenshotWholePage("guide-desktop"));

        phone.get(url("/orgs/ycsmzj"));
        keep(phone.screenshotWholePage("org-phone-390"));
        phone.get(url("/regions/360902"));
        assertThat((Boolean) phone.driver().executeScript(
                "return document.scrollingElement.scrollWidth <= window.innerWidth;")).isTrue();
        keep(phone.screenshotWholePage("county-phone-390"));
    }

    /** A copy under /tmp, for a person to look at after the run. */
    private static void keep(Path screenshot) throws Exception {
        Files.copy(screenshot, Path.of(System.getProperty("java.io.tmpdir"), "gongkai-" + screenshot.getFileName()),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
