package gongkai.browser;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import gongkai.support.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/** The portal in a real browser, at phone width: what a resident sees, and that it is accessible. */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PortalBrowserTest {

    @RegisterExtension
    static final Browser phone = Browser.phone();

    @LocalServerPort
    int port;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void homeShowsTheSevenFieldsOnAPhone() throws Exception {
        phone.get(url("/"));
        List<WebElement> domains = phone.findElements(By.cssSelector("section[aria-labelledby=domains-h] ul.domains li a .card-title"));
        assertThat(domains).extracting(WebElement::getText).containsExactly("精准扶贫精准脱贫", "社会救助和社会福利",
                "教育", "基本医疗卫生", "环境保护", "灾害事故救援", "公共文化体育");
        Long overflow = (Long) phone.driver().executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0L);
        phone.screenshot("home-phone");
        phone.assertNoAccessibilityProblems();
    }

    @Test
    void aResidentFollowsAFieldToAnItemAndSeesItsSchema() throws Exception {
        phone.get(url("/"));
        phone.findElement(By.partialLinkText("精准扶贫精准脱贫")).click();
        phone.findElement(By.linkText("扶贫项目")).click();
        assertThat(phone.findElement(By.tagName("h1")).getText()).isEqualTo("扶贫项目");
        assertThat(phone.findElements(By.cssSelector("table.schema tbody tr"))).hasSize(9);
        phone.screenshot("catalog-item-phone");
        phone.assertNoAccessibilityProblems();
    }

    @Test
    void organisationPageNamesItsResponsibleLeader() throws Exception {
        phone.get(url("/orgs/ycsmzj"));
        assertThat(phone.findElement(By.tagName("h1")).getText()).isEqualTo("宜春市民政局");
        assertThat(phone.findElement(By.id("responsible-leader")).isDisplayed()).isTrue();
        phone.assertNoAccessibilityProblems();
    }

    @Test
    void anAdminSignsInThroughTheLoginForm() throws Exception {
        phone.get(url("/admin/users"));
        assertThat(phone.getCurrentUrl()).endsWith("/admin/login");
        phone.assertNoAccessibilityProblems();
        phone.findElement(By.id("username")).sendKeys("admin");
        phone.findElement(By.id("password")).sendKeys("Test-Admin-Passw0rd");
        phone.findElement(By.cssSelector("form.form button[type=submit]")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(phone.driver(), java.time.Duration.ofSeconds(5))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/admin/users"));
        assertThat(phone.findElement(By.tagName("h1")).getText()).isEqualTo("用户");
        phone.get(url("/admin"));
        assertThat(phone.getPageSource()).contains("全市所有机构");
        phone.screenshot("admin-start-phone");
        phone.findElement(By.cssSelector("form.logout button")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(phone.driver(), java.time.Duration.ofSeconds(5))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/admin/login"));
    }

}
