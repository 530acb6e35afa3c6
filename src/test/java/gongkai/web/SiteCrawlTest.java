package gongkai.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import gongkai.support.ThreeStepReview;
import gongkai.account.Accounts;
import gongkai.account.ResidentRegistration;
import gongkai.account.Residents;
import gongkai.publishing.Drafting;
import gongkai.publishing.Publishing;
import gongkai.publishing.RecordInput;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.Origins;
import gongkai.support.SiteCrawler;
import gongkai.support.Staff;

import static gongkai.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the demo data, on a real server (Tomcat decodes addresses as a browser's requests arrive, which MockMvc does
 * not): the public, a resident and a person of each back-office role follow every link and GET form on every page
 * they reach from the home page and the back-office home. None meets a server error, a link the platform printed
 * for them that leads to nothing or to a refusal, or template text instead of content.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // Each visitor tries the access-code form of a targeted record once, all from 127.0.0.1.
        "gongkai.publishing.access-code.max-failures=1000"})
@ActiveProfiles({"test", "demo"})
class SiteCrawlTest {

    @RegisterExtension
    static final ThreeStepReview review = new ThreeStepReview();

    /**
     * Bounds on the time, not on the kinds of page: every kind is reached well within them with the demo data. The
     * public sees more addresses of each kind (records, organisations, …); signed-in visitors the same kinds again.
     */
    private static final int MAX_PAGES_PER_VISITOR = 300;
    /** Signed-in visitors fetch one page of each public kind (the public crawl covered them) and their own pages. */
    private static final int MAX_PAGES_PER_SIGNED_IN_VISITOR = 240;
    private static final int PUBLIC_PAGES_PER_KIND = 12;
    private static final int SIGNED_IN_PAGES_PER_KIND = 5;
    /** An organisation with demo records and demo requests. */
    private static final String ORG = "ycsjyj";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    Residents residents;
    @Autowired
    Drafting drafting;
    @Autowired
    Publishing publishing;

    @Test
    void everyVisitorFollowsEveryPrintedLinkAndFormWithoutAnErrorOrTemplateText() throws Exception {
        long started = System.nanoTime();
        addWhatTheDemoDataLacks();
        String base = "http://localhost:" + port;

        Map<String, String[]> signedIn = new LinkedHashMap<>();
        signedIn.put("admin", new String[] {"admin", "Test-Admin-Passw0rd"});
        for (Role role : List.of(Role.EDITOR, Role.REVIEWER, Role.APPROVER, Role.AUDITOR)) {
            signedIn.put(ORG + " " + role, new String[] {Acting.newUser(accounts, ORG, role), Acting.PASSWORD});
        }
        signedIn.put("yzqzf ADMIN", new String[] {Acting.newUser(accounts, "yzqzf", Role.ADMIN), Acting.PASSWORD});

        List<SiteCrawler.Problem> problems = new ArrayList<>();
        List<String> summaries = new ArrayList<>();

        SiteCrawler anonymous = new SiteCrawler(base, "public", MAX_PAGES_PER_VISITOR, PUBLIC_PAGES_PER_KIND);
        problems.addAll(anonymous.crawl("/"));
        summaries.add(anonymous.summary());
        // The crawl reaches what matters, so that it cannot pass by reaching nothing.
        assertThat(anonymous.kindsFetched()).contains("/orgs/*", "/catalog/*", "/search?q")
                .anySatisfy(kind -> assertThat(kind).startsWith("/records/*"))
                .anySatisfy(kind -> assertThat(kind).contains("/attachments/"));

        // Signed-in visitors meet the public pages again (with their own header): one of each kind the public
        // covered, the rest of their bound for the back office.
        Set<String> publicKinds = anonymous.kindsFetched();
        for (var who : signedIn.entrySet()) {
            SiteCrawler staff = crawler(base, who.getKey()).alreadyCovered(publicKinds);
            assertThat(staff.signIn(who.getValue()[0], who.getValue()[1])).as(who.getKey()).isEqualTo("/admin");
            // The records and requests lists as starting points too: within the bound, their items are reached.
            problems.addAll(staff.crawl("/admin", "/admin/records", "/admin/requests", "/"));
            summaries.add(staff.summary());
            assertThat(staff.kindsFetched()).as(who.getKey()).contains("/admin/records", "/admin/requests")
                    .anySatisfy(kind -> assertThat(kind).startsWith("/admin/records/*"));
        }

        // The resident sees what the public sees and their village's targeted records: the full bound.
        SiteCrawler resident = new SiteCrawler(base, "resident of 360921101", MAX_PAGES_PER_VISITOR,
                SIGNED_IN_PAGES_PER_KIND);
        assertThat(resident.signIn(aConfirmedResident(), "Resident-Passw0rd")).isEqualTo("/residents/me");
        problems.addAll(resident.crawl("/", "/residents/me"));
        summaries.add(resident.summary());
        assertThat(resident.kindsFetched()).contains("/residents/me");

        summaries.forEach(System.out::println);
        System.out.println("Site crawl took " + java.time.Duration.ofNanos(System.nanoTime() - started).toSeconds()
                + " s");
        assertThat(problems).as("every problem met:%n%s", String.join("\n",
                problems.stream().map(SiteCrawler.Problem::toString).toList())).isEmpty();
    }

    private SiteCrawler crawler(String base, String visitor) {
        return new SiteCrawler(base, visitor, MAX_PAGES_PER_SIGNED_IN_VISITOR, SIGNED_IN_PAGES_PER_KIND);
    }

    /**
     * The demo records have no attachments and nothing waits for review: one published record with an attachment,
     * and one submitted draft, so that those links are printed and followed too.
     */
    private void addWhatTheDemoDataLacks() throws Exception {
        Staff s = Staff.of(ORG);
        String published = as(s.editor(), () -> drafting.create(input("附件下载测试：2026年学生资助政策宣传材料")));
        byte[] material = docx("学生资助政策宣传材料。");
        as(s.editor(), () -> drafting.addAttachment(published, "资助政策宣传材料.docx",
                new ByteArrayInputStream(material), "资助政策宣传材料"));
        review.pass(s, published);

        String waiting = as(s.editor(), () -> drafting.create(input("待审核测试：2026年秋季学期控辍保学工作进展")));
        as(s.editor(), () -> publishing.submit(waiting));
    }

    private static RecordInput input(String title) {
        return new RecordInput("ed-dropout", ORG, "360900", title, "", null, LocalDate.of(2026, 10, 1),
                "<p>见附件。</p>", List.of(), null, null, null, null, null, null, null);
    }

    /** A resident of a township with targeted demo records, confirmed by the county that covers it. */
    private String aConfirmedResident() {
        String username = "crawl-resident";
        Origins.fresh(() -> residents.register(new ResidentRegistration(username, "Resident-Passw0rd", "居民测试",
                "0795-3201234", "360921101")));
        as(Acting.actor("fxxzf", Role.ADMIN), () -> residents.confirm(username));
        return username;
    }

    private static byte[] docx(String text) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText(text);
            doc.write(out);
            return out.toByteArray();
        }
    }
}
