package gongkai.browser;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import gongkai.account.Accounts;
import gongkai.account.NewUser;
import gongkai.publishing.Drafting;
import gongkai.publishing.Publishing;
import gongkai.publishing.RecordInput;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.Browser;
import gongkai.support.Staff;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The back office for its staff, in a real browser at 1366 × 900 and 390 × 844: the admin changes a clerk's roles and
 * gives them a one-time reset link, the clerk sets a password with it and signs in, their dashboard's count leads to
 * the record waiting for them, and the admin disables the clerk after confirming.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StaffPagesBrowserTest {

    private static final String ADMIN_PASSWORD = "Test-Admin-Passw0rd";
    private static final String NEW_PASSWORD = "Clerk-Chosen-Passw0rd";
    private static final String ORG = "fxxzf";

    @RegisterExtension
    static final Browser desktop = Browser.window(1366, 900);
    @RegisterExtension
    static final Browser phone = Browser.window(390, 844);

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    Drafting drafting;
    @Autowired
    Publishing publishing;

    private String base() {
        return "http://localhost:" + port;
    }

    private void signOut(Browser browser) {
        browser.findElement(By.cssSelector("form.logout button")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().contains("/admin/login"));
    }

    private void notice(Browser browser, String text) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector(".alert")).stream().anyMatch(e -> e.getText().contains(text)));
    }

    /** A record of the clerk's organisation waiting for review, by other people of it. */
    private String recordWaitingForReview() {
        Staff others = Staff.of(ORG);
        String title = "浏览器待办测试名单";
        RecordInput input = new RecordInput("pa-identification", ORG, "360921", title, "名单", null,
                LocalDate.of(2026, 10, 20), "<p>现将名单公示如下。</p>", List.of("救助"), null, "救助对象", null, null,
                List.of(Map.of("户主姓名", "赵大成", "家庭人口", "3", "所在村组", "某村一组", "识别或退出", "识别", "年度", "2026")),
                null, null);
        String ref = Acting.as(others.editor(), () -> drafting.create(input));
        Acting.as(others.editor(), () -> publishing.submit(ref));
        return title;
    }

    @Test
    void anAdminManagesAClerkWhoSetsTheirOwnPassword() throws Exception {
        String clerk = "fx-clerk-browser";
        Acting.as(Acting.cityAdmin(), () -> accounts.create(new NewUser(clerk, Acting.PASSWORD, "奉新县刘晓燕", ORG,
                EnumSet.of(Role.EDITOR))));
        String waiting = recordWaitingForReview();

        // The admin gives the clerk the reviewer's role too.
        desktop.signIn(base(), "admin", ADMIN_PASSWORD);
        desktop.get(base() + "/admin/users");
        desktop.findElement(By.linkText("奉新县刘晓燕")).click();
        new WebDriverWait(desktop.driver(), Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/" + clerk));
        desktop.assertNoAccessibilityProblems();
        desktop.findElement(By.cssSelector("input[name=roles][value=REVIEWER]")).click();
        desktop.clickButton("保存角色");
        notice(desktop, "已更改 奉新县刘晓燕 的角色");
        assertThat(desktop.findElement(By.id("user-roles")).getText()).isEqualTo("信息员、审核员");

        // …and a one-time link, shown once.
        desktop.clickButton("生成重置链接");
        String link = desktop.findElement(By.id("reset-link")).getText();
        assertThat(link).startsWith(base() + "/admin/reset/");
        assertThat(desktop.findElement(By.id("reset-code")).getText()).matches("\\d{4} \\d{4}");
        desktop.screenshot("staff-user-reset-issued-desktop");
        desktop.assertNoAccessibilityProblems();

        // The phone shows the same page readably.
        phone.signIn(base(), "admin", ADMIN_PASSWORD);
        phone.get(base() + "/admin/users/" + clerk);
        phone.screenshotWholePage("staff-user-phone");
        phone.assertNoAccessibilityProblems();
        phone.get(base() + "/admin/users");
        phone.screenshot("staff-users-phone");
        phone.assertNoAccessibilityProblems();
        signOut(desktop);

        // The clerk sets a password of their own with the link.
        phone.driver().manage().deleteAllCookies();
        phone.get(link);
        assertThat(phone.findElement(By.tagName("main")).getText()).contains("奉新县刘晓燕");
        phone.findElement(By.id("new-password")).sendKeys(NEW_PASSWORD);
        phone.findElement(By.id("new-password-repeat")).sendKeys(NEW_PASSWORD);
        phone.screenshot("staff-reset-link-phone");
        phone.assertNoAccessibilityProblems();
        phone.clickButton("设置新密码");
        notice(phone, "新密码已设置");
        phone.get(link);
        assertThat(phone.findElement(By.cssSelector(".alert.error")).getText()).contains("已经用过");
        phone.get(base() + "/admin/reset");
        phone.screenshot("staff-reset-code-phone");
        phone.assertNoAccessibilityProblems();

        // Signed in, the clerk's dashboard counts the record waiting for review and leads to it.
        desktop.signIn(base(), clerk, NEW_PASSWORD);
        desktop.get(base() + "/admin");
        desktop.screenshot("staff-dashboard-desktop");
        desktop.assertNoAccessibilityProblems();
        desktop.findElement(By.cssSelector(".todo-list a[href='/admin/records?queue=TO_REVIEW']")).click();
        new WebDriverWait(desktop.driver(), Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("queue=TO_REVIEW"));
        assertThat(desktop.findElement(By.tagName("main")).getText()).contains(waiting);
        desktop.screenshot("staff-records-todo-desktop");
        desktop.assertNoAccessibilityProblems();
        phone.signIn(base(), clerk, NEW_PASSWORD);
        phone.get(base() + "/admin");
        phone.screenshot("staff-dashboard-phone");
        phone.assertNoAccessibilityProblems();
        signOut(desktop);

        // The admin disables the clerk, after a page that says what it does and a ticked box.
        desktop.signIn(base(), "admin", ADMIN_PASSWORD);
        desktop.get(base() + "/admin/users/" + clerk);
        desktop.findElement(By.linkText("停用此账号…")).click();
        new WebDriverWait(desktop.driver(), Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/disable"));
        assertThat(desktop.findElement(By.tagName("main")).getText()).contains("不能再登录后台").contains("都保留");
        desktop.screenshot("staff-disable-desktop");
        desktop.assertNoAccessibilityProblems();
        desktop.findElement(By.id("confirm-disable")).click();
        desktop.clickButton("确认停用");
        notice(desktop, "已停用 奉新县刘晓燕");
        assertThat(desktop.findElement(By.id("user-status")).getText()).contains("停用");
        desktop.screenshot("staff-user-disabled-desktop");

        // The clerk's session on the phone has ended.
        phone.get(base() + "/admin");
        new WebDriverWait(phone.driver(), Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/admin/login"));
    }
}
