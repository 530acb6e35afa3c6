package gongkai.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import gongkai.account.Accounts;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.Browser;

/**
 * A county clerk enters a 救助 record as issue 19 asks (desktop, 1366 × 900): picks the item from the picker grouped
 * by field by typing in its search box, types two paragraphs with bold in the bundled editor, chooses the programme
 * from a drop-down, adds rows and removes one, saves, attaches a photo with its description and submits; the
 * reviewer, on a phone (390 × 844), sees the photo with its description. The picker and the form are looked at on
 * the phone too. axe-core finds nothing serious on any of these pages.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordEntryBrowserTest {

    private static final String COUNTY = "fxxzf";
    private static final String TITLE = "奉新县2026年第三季度救助款物管理使用情况（浏览器测试）";
    private static final String PHOTO_DESCRIPTION = "县民政局工作人员在赤田镇向困难群众发放棉被和大米";

    @RegisterExtension
    static final Browser desktop = Browser.window(1366, 900);
    @RegisterExtension
    static final Browser phone = Browser.window(390, 844);

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;

    private String clerk;
    private String reviewer;

    @BeforeAll
    void people() {
        clerk = Acting.newUser(accounts, COUNTY, Role.EDITOR);
        reviewer = Acting.newUser(accounts, COUNTY, Role.REVIEWER);
    }

    @Test
    void aCountyClerkEntersA救助RecordAndTheReviewerSeesThePhoto() throws Exception {
        desktop.signIn(base(), clerk, Acting.PASSWORD);
        desktop.get(base() + "/admin/records/new");
        assertThat(desktop.findElements(By.cssSelector("details.picker-group summary")).stream()
                .map(WebElement::getText).toList()).anyMatch(s -> s.startsWith("社会救助和社会福利"))
                .anyMatch(s -> s.startsWith("教育"));
        assertThat(desktop.findElements(By.cssSelector(".tag.due, .tag.overdue"))).as("what is owed is marked")
                .isNotEmpty();
        desktop.screenshot("entry-picker-desktop");
        desktop.assertNoAccessibilityProblems();

        desktop.findElement(By.id("item-q")).sendKeys("救助款物");
        WebElement funds = desktop.findElement(By.linkText("救助款物管理使用情况"));
        waitUntil(desktop, () -> !desktop.findElement(By.cssSelector("a[href$='item=ed-dropout']")).isDisplayed());
        assertThat(funds.isDisplayed()).isTrue();
        assertThat(desktop.findElement(By.id("item-count")).getText()).matches("找到[1-9]\\d*个相符的事项。");
        desktop.screenshot("entry-picker-search-desktop");
        funds.click();

        waitUntil(desktop, () -> !desktop.findElements(By.cssSelector("trix-toolbar button[title='加粗']")).isEmpty());
        assertThat(desktop.findElement(By.id("body")).isDisplayed()).as("the editor stands in for the textarea")
                .isFalse();
        assertThat(desktop.findElements(By.cssSelector("trix-toolbar button")).stream()
                .map(b -> b.getDomAttribute("title")).toList())
                .containsExactly("加粗", "倾斜", "链接", "小标题", "引用", "项目列表", "编号列表", "减少缩进", "增加缩进", "撤销",
                        "重做");
        desktop.findElement(By.id("title")).sendKeys(TITLE);
        desktop.findElement(By.id("period")).sendKeys("2026-Q3");
        WebElement editor = desktop.findElement(By.tagName("trix-editor"));
        // Typed as keys to the focused editor, as a person types (WebDriver's sendKeys to the element puts the caret
        // back before each character once a line is broken), and after Enter only once the editor has taken it:
        // keys sent within the same instant break the next characters apart, which no person types fast enough for.
        editor.click();
        desktop.findElement(By.cssSelector("trix-toolbar button[title='加粗']")).click();
        new Actions(desktop.driver()).sendKeys("第三季度").perform();
        desktop.findElement(By.cssSelector("trix-toolbar button[title='加粗']")).click();
        // A blank line starts a paragraph, as the hint says.
        new Actions(desktop.driver()).sendKeys("全县发放救助资金和物资情况如下。").sendKeys(Keys.ENTER).sendKeys(Keys.ENTER)
                .perform();
        waitUntil(desktop, () -> String.valueOf(desktop.findElement(By.id("body-input")).getDomProperty("value"))
                .contains("<br><br>"));
        new Actions(desktop.driver()).sendKeys("如有疑问，请致电县民政局。").perform();

        new Select(desktop.findElement(By.id("d_0_0"))).selectByVisibleText("临时救助");
        desktop.findElement(By.id("d_0_1")).sendKeys("县级财政");
        desktop.findElement(By.id("d_0_2")).sendKeys("36500.50");
        desktop.findElement(By.id("d_0_5")).sendKeys("全县");
        desktop.findElement(By.id("d_0_6")).sendKeys("2026-Q3");
        assertThat(desktop.findElement(By.cssSelector(".rows-more")).getText()).as("再加5行 only without scripts")
                .isEqualTo("添加一行");
        desktop.clickButton("添加一行");
        new Select(desktop.findElement(By.id("d_1_0"))).selectByVisibleText("城乡低保");
        desktop.findElement(By.id("d_1_1")).sendKeys("写错的一行");
        desktop.clickButton("添加一行");
        new Select(desktop.findElement(By.id("d_2_0"))).selectByVisibleText("受灾人员救助");
        desktop.findElement(By.id("d_2_1")).sendKeys("省级下拨");
        desktop.findElement(By.id("d_2_3")).sendKeys("棉被");
        desktop.findElement(By.id("d_2_4")).sendKeys("200");
        desktop.findElement(By.id("d_2_5")).sendKeys("赤田镇");
        desktop.findElement(By.id("d_2_6")).sendKeys("2026-Q3");
        desktop.findElements(By.cssSelector("#rows tbody tr")).get(1).findElement(By.cssSelector(".remove-row"))
                .click();
        List<WebElement> rows = desktop.findElements(By.cssSelector("#rows tbody tr"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).findElement(By.cssSelector(".row-no")).getText()).as("renumbered").isEqualTo("2");
        assertThat(desktop.findElement(By.id("d_1_1")).getDomProperty("value")).isEqualTo("省级下拨");
        assertThat(desktop.findElement(By.cssSelector("label[for=d_1_1]")).getDomProperty("textContent"))
                .isEqualTo("第2行资金来源");
        desktop.screenshot("entry-form-desktop");
        desktop.assertNoAccessibilityProblems();

        desktop.clickButton("保存");
        assertThat(desktop.findElement(By.cssSelector(".alert.ok")).getText()).contains("草稿已保存");
        WebElement preview = desktop.findElement(By.cssSelector("div.body"));
        assertThat(preview.findElement(By.tagName("strong")).getText()).isEqualTo("第三季度");
        assertThat(preview.findElements(By.tagName("p"))).as("a blank line in the editor starts a paragraph")
                .extracting(WebElement::getText)
                .containsExactly("第三季度全县发放救助资金和物资情况如下。", "如有疑问，请致电县民政局。");
        assertThat(desktop.getPageSource()).contains("临时救助").contains("受灾人员救助").doesNotContain("写错的一行");

        Path photo = photo();
        desktop.findElement(By.id("file")).sendKeys(photo.toAbsolutePath().toString());
        desktop.findElement(By.id("altText")).sendKeys(PHOTO_DESCRIPTION);
        desktop.clickButton("上传");
        assertThat(desktop.findElement(By.cssSelector(".alert.ok")).getText()).contains("附件已添加");
        desktop.clickButton("提交审核");
        assertThat(desktop.findElement(By.cssSelector(".alert.ok")).getText()).contains("已提交审核");
        String recordPath = desktop.getCurrentUrl().substring(base().length());

        phone.signIn(base(), clerk, Acting.PASSWORD);
        phone.get(base() + "/admin/records/new?q=" + java.net.URLEncoder.encode("救助", "UTF-8"));
        phone.screenshot("entry-picker-phone");
        phone.assertNoAccessibilityProblems();
        phone.get(base() + "/admin/records/new?item=sa-recipients");
        waitUntil(phone, () -> !phone.findElements(By.cssSelector("trix-toolbar button")).isEmpty());
        phone.clickButton("添加一行");
        assertThat(phone.findElements(By.cssSelector("#rows tbody tr"))).hasSize(2);
        phone.findElements(By.cssSelector("#rows .remove-row")).get(1).click();
        phone.findElements(By.cssSelector("#rows .remove-row")).get(0).click();
        assertThat(phone.findElements(By.cssSelector("#rows tbody tr"))).as("the last row is emptied, not removed")
                .hasSize(1);
        assertThat((Long) phone.driver().executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")).as("no page "
                + "scrolls sideways on a phone; the rows table scrolls in its box").isLessThanOrEqualTo(0L);
        phone.screenshot("entry-form-phone");
        phone.assertNoAccessibilityProblems();
        phone.findElement(By.cssSelector("form.logout button")).click();
        phone.waitForUrlContaining("/admin/login", Duration.ofSeconds(10));

        phone.signIn(base(), reviewer, Acting.PASSWORD);
        phone.get(base() + recordPath);
        WebElement image = phone.findElement(By.cssSelector("figure.record-figure img"));
        assertThat(image.getDomAttribute("alt")).isEqualTo(PHOTO_DESCRIPTION);
        assertThat(phone.findElement(By.cssSelector("figure.record-figure figcaption")).getText())
                .isEqualTo(PHOTO_DESCRIPTION);
        phone.driver().executeScript("arguments[0].scrollIntoView()", image);
        waitUntil(phone, () -> ((Number) phone.driver().executeScript(
                "return arguments[0].complete ? arguments[0].naturalWidth : 0", image)).intValue() > 0);
        assertThat(image.getSize().getWidth()).as("fits the phone").isLessThanOrEqualTo(390);
        phone.screenshot("entry-review-phone");
        phone.assertNoAccessibilityProblems();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static void waitUntil(Browser browser, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> condition.getAsBoolean());
    }

    /** A small photo-like picture: a sky over a field, enough to see that it is shown. */
    private static Path photo() throws IOException {
        BufferedImage image = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x9cc3e6));
        g.fillRect(0, 0, 640, 200);
        g.setColor(new Color(0x6b8e23));
        g.fillRect(0, 200, 640, 160);
        g.setColor(new Color(0x9e1b20));
        g.fillRect(260, 150, 120, 90);
        g.dispose();
        Path file = Files.createTempFile("entry-photo", ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
