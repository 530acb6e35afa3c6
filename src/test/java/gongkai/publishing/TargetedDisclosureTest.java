package gongkai.publishing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.MediaType;

import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.PlatformTest;
import gongkai.support.Staff;

import static gongkai.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A targeted record (向特定区域特定群体公开) is invisible to anonymous visitors on every public path, visible with its
 * access code, and its personal fields are masked on the page, in JSON and on the printable notice.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TargetedDisclosureTest extends PublishingFixture {

    private String indexNo;
    private String code;
    private static final String TITLE = "某镇2026年贫困识别和退出情况公示";

    @BeforeAll
    void publishATargetedRecord() {
        Staff s = Staff.of("fxxzf");
        RecordInput input = new RecordInput("pa-identification", "fxxzf", "360921", TITLE, "2026年度识别和退出名单",
                null, LocalDate.of(2026, 10, 20), "<p>现将名单公示如下。</p>", List.of("贫困识别"), null,
                "建档立卡户", null, null,
                List.of(Map.of("户主姓名", "王小明", "家庭人口", "4", "所在村组", "某村三组", "识别或退出", "退出", "年度", "2026"),
                        Map.of("户主姓名", "李四", "家庭人口", "2", "所在村组", "某村五组", "识别或退出", "识别", "年度", "2026")),
                null, null);
        String ref = as(s.editor(), () -> drafting.create(input));
        as(s.editor(), () -> publishing.submit(ref));
        as(s.reviewer(), () -> publishing.review(ref, Decision.PASS, ""));
        as(s.approver(), () -> publishing.approve(ref, Decision.PASS, "", null, null));
        RecordView staffView = as(s.editor(), () -> records.view(ref, null));
        indexNo = staffView.indexNo();
        code = staffView.accessCode();
        assertThat(code).hasSize(8);
    }

    /** The index number as API.md addresses it: URL-encoded, '/' as %2F. */
    private String encoded() {
        return org.springframework.web.util.UriUtils.encodePathSegment(indexNo, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void anonymousVisitorsSeeNothingOfItOnAnyPublicPath() throws Exception {
        mvc.perform(get("/records/{ref}", indexNo)).andExpect(status().isForbidden())
                .andExpect(content().string(containsString("请输入")))
                .andExpect(content().string(not(containsString(TITLE))))
                .andExpect(content().string(not(containsString("王"))));
        mvc.perform(get(java.net.URI.create("/api/v1/records/" + encoded()))).andExpect(status().isForbidden())
                .andExpect(content().string(not(containsString(TITLE))));
        mvc.perform(get("/records")).andExpect(content().string(not(containsString(TITLE))));
        mvc.perform(get("/records").param("region", "360921")).andExpect(content().string(not(containsString(TITLE))));
        mvc.perform(get("/api/v1/records").param("org", "fxxzf")).andExpect(content().string(not(containsString(TITLE))));
        mvc.perform(get("/feeds/records.atom")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(TITLE))));
        mvc.perform(get("/catalog/pa-identification")).andExpect(content().string(not(containsString(TITLE))));
        mvc.perform(get("/orgs/fxxzf")).andExpect(content().string(not(containsString(TITLE))));
        mvc.perform(get("/")).andExpect(content().string(not(containsString(TITLE))));
    }

    @Test
    void theAccessCodeOpensItWithPersonalFieldsMasked() throws Exception {
        mvc.perform(get("/records/{ref}", indexNo).param("code", code.toLowerCase())).andExpect(status().isOk())
                .andExpect(content().string(containsString(TITLE)))
                .andExpect(content().string(containsString("王*明")))
                .andExpect(content().string(not(containsString("王小明"))));
        mvc.perform(get(java.net.URI.create("/api/v1/records/" + encoded() + "?code=" + code))).andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[0].户主姓名").value("王*明"))
                .andExpect(jsonPath("$.rowsMasked").value(true))
                .andExpect(jsonPath("$.accessCode").doesNotExist())
                .andExpect(content().string(not(containsString("王小明"))));
        // The raw two-segment address works as well as the encoded one.
        String[] parts = indexNo.split("/");
        mvc.perform(get("/records/" + parts[0] + "/" + parts[1]).param("code", code)).andExpect(status().isOk());
    }

    @Test
    void wrongCodesAreRefusedLoggedAndRateLimited() throws Exception {
        mvc.perform(get("/records/{ref}", indexNo).param("code", "WRONG123").with(r -> {
            r.setRemoteAddr("10.9.9.9");
            return r;
        })).andExpect(status().isForbidden()).andExpect(content().string(containsString("查阅码不正确")));
        for (int i = 0; i < 9; i++) {
            mvc.perform(get("/records/{ref}", indexNo).param("code", "WRONG" + i).with(r -> {
                r.setRemoteAddr("10.9.9.9");
                return r;
            })).andExpect(status().isForbidden());
        }
        mvc.perform(get("/records/{ref}", indexNo).param("code", code).with(r -> {
            r.setRemoteAddr("10.9.9.9");
            return r;
        })).andExpect(status().isTooManyRequests());
        // Every attempt by code is logged, granted or not.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM targeted_access WHERE remote_addr = '10.9.9.9' "
                + "AND granted = FALSE", Long.class)).isEqualTo(10);
        // Another address is not affected.
        mvc.perform(get("/records/{ref}", indexNo).param("code", code).with(r -> {
            r.setRemoteAddr("10.9.9.10");
            return r;
        })).andExpect(status().isOk());
    }

    @Test
    void wrongCodesLoggedByAnotherNodeOrBeforeARestartCountToo() throws Exception {
        // Guesses another node logged (or this one, before a restart) are in the shared database only.
        long recordId = jdbc.queryForObject("SELECT id FROM disclosure_record WHERE index_no = ?", Long.class, indexNo);
        java.time.Instant now = java.time.Instant.now();
        for (int i = 0; i < 10; i++) {
            logFailure(recordId, "10.9.8.7", now.minusSeconds(60));
            // Older than the window (15 minutes): forgotten.
            logFailure(recordId, "10.9.8.8", now.minus(java.time.Duration.ofMinutes(20)));
        }
        mvc.perform(get("/records/{ref}", indexNo).param("code", code).with(r -> {
            r.setRemoteAddr("10.9.8.7");
            return r;
        })).andExpect(status().isTooManyRequests()).andExpect(content().string(containsString("查阅码输入错误次数过多")));
        mvc.perform(get("/records/{ref}", indexNo).param("code", code).with(r -> {
            r.setRemoteAddr("10.9.8.8");
            return r;
        })).andExpect(status().isOk()).andExpect(content().string(containsString(TITLE)));
    }

    private void logFailure(long recordId, String address, java.time.Instant at) {
        jdbc.update("INSERT INTO targeted_access (record_id, at, remote_addr, granted) VALUES (?, ?, ?, FALSE)",
                recordId, java.sql.Timestamp.from(at), address);
    }

    @Test
    void staffSeeFullValuesInTheBackOfficeAndPrintAMaskedNotice() throws Exception {
        String editor = Acting.newUser(accounts, "fxxzf", Role.EDITOR);
        var principal = principals.loadUserByUsername(editor);
        mvc.perform(get(java.net.URI.create("/admin/records/" + encoded())).with(user(principal))).andExpect(status().isOk())
                .andExpect(content().string(containsString("王小明")))
                .andExpect(content().string(containsString(code)));
        byte[] pdf = mvc.perform(get(java.net.URI.create("/records/" + encoded() + "/notice.pdf")).with(user(principal)))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains(TITLE, "王*明", code).doesNotContain("王小明");
        }
        // Anonymous visitors cannot print it, nor can another organisation's staff.
        mvc.perform(get(java.net.URI.create("/records/" + encoded() + "/notice.pdf"))).andExpect(status().isForbidden());
        String other = Acting.newUser(accounts, "ycsmzj", Role.EDITOR);
        mvc.perform(get(java.net.URI.create("/records/" + encoded() + "/notice.pdf")).with(page(other)))
                .andExpect(status().isForbidden());
    }

    @Test
    void theNoticesQrCodeLeadsToThePlatformWhateverHostTheRequestNamed() throws Exception {
        var principal = principals.loadUserByUsername(Acting.newUser(accounts, "fxxzf", Role.EDITOR));
        byte[] pdf = mvc.perform(get(java.net.URI.create("/records/" + encoded() + "/notice.pdf")).with(user(principal))
                        .header("Host", "evil.example").header("X-Forwarded-Host", "evil.example"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).doesNotContain("evil.example");
            var page = new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 200);
            var bitmap = new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                    new com.google.zxing.client.j2se.BufferedImageLuminanceSource(page)));
            String scanned = new com.google.zxing.qrcode.QRCodeReader().decode(bitmap,
                    Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
            // gongkai.public-url is unset in tests: the embedded default, http://localhost:<server.port>.
            assertThat(scanned).isEqualTo("http://localhost:8080/records/" + encoded() + "?code=" + code);
        }
    }
}
