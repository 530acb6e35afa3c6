package gongkai.publishing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import gongkai.account.Accounts;
import gongkai.shared.Actor;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.HttpVisitor;
import gongkai.support.Staff;

import static gongkai.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real HTTP (Tomcat, with sign-in sessions in the database): the links and forms the platform prints on its
 * record pages work as a person follows them — an index number holds a '/', which Tomcat decodes and MockMvc
 * does not — and a refused step in the back office comes back as the record page with the reason, not a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RecordLinksHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    Publishing publishing;
    @Autowired
    Drafting drafting;
    @Autowired
    Records records;
    @Autowired
    JdbcTemplate jdbc;

    private static Map<String, String> projectRow(String name) {
        return Map.of("项目名称", name, "资金来源", "中央财政衔接资金", "实施期限", "2026年3月至10月", "预期目标", "硬化村组道路2.5公里",
                "实施单位", "某乡人民政府", "责任人", "刘建设", "举报电话", "0795-3201234");
    }

    private static RecordInput project(String title, String body, List<Map<String, String>> rows) {
        return new RecordInput("pa-project", "ycsfpb", "360900", title, "2026年第三批扶贫项目", null,
                LocalDate.of(2026, 9, 1), body, List.of("扶贫项目"), null, null, null, null, rows, null, null);
    }

    private String publish(Staff s, RecordInput input, byte[] attachment) {
        String ref = as(s.editor(), () -> drafting.create(input));
        if (attachment != null) {
            as(s.editor(), () -> drafting.addAttachment(ref, "项目现场.png", new ByteArrayInputStream(attachment),
                    "项目现场照片"));
        }
        as(s.editor(), () -> publishing.submit(ref));
        as(s.reviewer(), () -> publishing.review(ref, Decision.PASS, ""));
        as(s.approver(), () -> publishing.approve(ref, Decision.PASS, "", null, null));
        return as(s.editor(), () -> records.view(ref, null)).indexNo();
    }

    @Test
    void aResidentDownloadsAnAttachmentThroughTheLinkOnTheRecordPage() throws Exception {
        byte[] png = png();
        String title = "附件下载测试项目公示" + System.nanoTime();
        Staff s = Staff.of("ycsfpb");
        String indexNo = publish(s, project(title, "<p>见附件。</p>", List.of(projectRow("附件项目"))), png);
        as(s.editor(), () -> publishing.revise(indexNo));
        as(s.editor(), () -> drafting.update(indexNo, project(title, "<p>见附件（第二版）。</p>",
                List.of(projectRow("附件项目")))));
        as(s.editor(), () -> publishing.submit(indexNo));
        as(s.reviewer(), () -> publishing.review(indexNo, Decision.PASS, ""));
        as(s.approver(), () -> publishing.approve(indexNo, Decision.PASS, "", null, null));
        HttpVisitor resident = new HttpVisitor(port);

        assertThat(resident.get("/records?org=ycsfpb").statusCode()).isEqualTo(200);
        HttpResponse<String> page = resident.get(resident.link(title));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(indexNo);
        String href = resident.link("项目现场.png");
        HttpResponse<byte[]> file = resident.download(href);
        assertThat(file.statusCode()).as(href).isEqualTo(200);
        assertThat(file.body()).isEqualTo(png);
        assertThat(file.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");

        // Every other address on the page built from the index number answers too (versions, JSON, verify).
        List<String> own = resident.links(org.springframework.web.util.UriUtils.encodePathSegment(indexNo,
                java.nio.charset.StandardCharsets.UTF_8));
        own.addAll(resident.links("/verify?record="));
        assertThat(own).anyMatch(l -> l.startsWith("/api/v1/records/")).anyMatch(l -> l.contains("version=1"))
                .anyMatch(l -> l.contains("/attachments/"))
                .anyMatch(l -> l.startsWith("/verify?"));
        for (String link : own) {
            assertThat(resident.download(link).statusCode()).as(link).isEqualTo(200);
        }

        // The readable form of the address, as a person types it, shows the page and its working links.
        assertThat(resident.get("/records/" + indexNo).statusCode()).isEqualTo(200);
        assertThat(resident.download(resident.link("项目现场.png")).body()).isEqualTo(png);
    }

    @Test
    void aFileOverTheUploadLimitIsRefusedInChineseNotWithA500() throws Exception {
        Staff s = Staff.of("ycsfpb");
        String ref = as(s.editor(), () -> drafting.create(project("超大附件测试" + System.nanoTime(), "<p>正文。</p>",
                List.of(projectRow("超大附件项目")))));
        String editor = Acting.newUser(accounts, "ycsfpb", Role.EDITOR);
        String boundary = "gongkai" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        // Just over spring.servlet.multipart.max-file-size (25MB): Tomcat reads the rest and answers on this connection.
        body.writeBytes(new byte[25 * 1024 * 1024 + 200_000]);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String auth = java.util.Base64.getEncoder().encodeToString((editor + ":" + Acting.PASSWORD)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.net.http.HttpRequest upload = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:"
                        + port + "/api/v1/records/" + org.springframework.web.util.UriUtils.encodePathSegment(ref,
                        java.nio.charset.StandardCharsets.UTF_8) + "/attachments"))
                .header("Authorization", "Basic " + auth)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();

        HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(upload,
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("\"field\":\"file\"").contains("超过了允许的大小");
        assertThat(as(s.editor(), () -> records.view(ref, null)).attachments()).isEmpty();
    }

    @Test
    void staffPrintTheNoticeThroughTheLinkOnTheBackOfficePage() throws Exception {
        Staff s = Staff.of("fxxzf");
        String title = "某镇贫困识别和退出情况公示" + System.nanoTime();
        String indexNo = publish(s, new RecordInput("pa-identification", "fxxzf", "360921", title, "2026年度识别和退出名单",
                null, LocalDate.of(2026, 10, 20), "<p>现将名单公示如下。</p>", List.of("贫困识别"), null, "建档立卡户", null,
                null, List.of(Map.of("户主姓名", "王小明", "家庭人口", "4", "所在村组", "某村三组", "识别或退出", "退出",
                        "年度", "2026")), null, null), null);
        String clerk = Acting.newUser(accounts, "fxxzf", Role.EDITOR);
        HttpVisitor staff = new HttpVisitor(port);
        staff.signIn(clerk, Acting.PASSWORD);

        assertThat(staff.get("/admin/records?queue=PUBLISHED").statusCode()).isEqualTo(200);
        HttpResponse<String> page = staff.get(staff.link(title));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(indexNo);
        String href = staff.link("打印公示（PDF）");
        HttpResponse<byte[]> pdf = staff.download(href);
        assertThat(pdf.statusCode()).as(href).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

        // The public page link and the revise form of a published record work as printed, too.
        assertThat(staff.download(staff.link("查看公开页面")).statusCode()).isEqualTo(200);
        HttpResponse<String> revised = staff.post(staff.formAction("/revise"), Map.of());
        assertThat(staff.follow(revised).body()).contains("已开始修订");
    }

    @Test
    void refusedStepsInTheBackOfficeComeBackAsThePageWithTheReason() throws Exception {
        String editor = Acting.newUser(accounts, "ycsfpb", Role.EDITOR);
        String reviewer = Acting.newUser(accounts, "ycsfpb", Role.REVIEWER);
        Actor editorActor = new Actor(editor, "ycsfpb", EnumSet.of(Role.EDITOR), false);
        var row = new java.util.HashMap<>(projectRow("缺项项目"));
        row.remove("资金来源");
        String flawed = as(editorActor, () -> drafting.create(project("内部资料：项目清单", "<p>正文</p>", List.of(row))));
        String clean = as(editorActor, () -> drafting.create(project("退回测试项目公示", "<p>正文</p>",
                List.of(projectRow("退回项目")))));
        as(editorActor, () -> publishing.submit(clean));

        HttpVisitor clerk = new HttpVisitor(port);
        clerk.signIn(editor, Acting.PASSWORD);
        assertThat(clerk.get("/admin/records/" + flawed).statusCode()).isEqualTo(200);
        HttpResponse<String> submitted = clerk.post(clerk.formAction("/submit"), Map.of());
        assertThat(submitted.statusCode()).isEqualTo(302);
        HttpResponse<String> back = clerk.follow(submitted);
        assertThat(back.statusCode()).isEqualTo(200);
        // The refusal itself, at the top of the page (the page's own entry check lists the same problems below).
        String alert = back.body().substring(back.body().indexOf("role=\"alert\""));
        assertThat(alert.substring(0, alert.indexOf("</div>"))).contains("标题含有禁用词“内部资料”")
                .contains("数据第1行“资金来源”为必填项");
        assertThat(as(editorActor, () -> records.workingCopy(flawed)).status()).isEqualTo(RecordStatus.DRAFT);

        HttpVisitor checker = new HttpVisitor(port);
        checker.signIn(reviewer, Acting.PASSWORD);
        assertThat(checker.get("/admin/records/" + clean).statusCode()).isEqualTo(200);
        HttpResponse<String> returned = checker.post(checker.formAction("/review"),
                Map.of("decision", "REJECT", "comment", ""));
        assertThat(returned.statusCode()).isEqualTo(302);
        HttpResponse<String> page = checker.follow(returned);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("退回时请填写意见，说明需要修改的地方。");
        // The flashed reason travelled through the sign-in session stored in the database.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM spring_session WHERE principal_name = ?", Long.class,
                reviewer)).isPositive();
    }

    private static byte[] png() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(new BufferedImage(3, 5, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
