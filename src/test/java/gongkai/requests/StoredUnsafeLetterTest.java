package gongkai.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import gongkai.support.Acting;
import gongkai.support.MovableClock;
import gongkai.support.Origins;
import gongkai.support.PlatformTest;
import gongkai.support.Staff;

/**
 * A reply letter stored before input was checked may hold characters XML 1.0 cannot carry: written straight into the
 * database, they are left out and the applicant still downloads the letter.
 */
@PlatformTest
@Import(MovableClock.Config.class)
class StoredUnsafeLetterTest {

    @Autowired
    RequestIntake intake;
    @Autowired
    RequestHandling handling;
    @Autowired
    MockMvc mvc;
    @Autowired
    MovableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theReplyLetterStillPrints() throws Exception {
        clock.setDate(LocalDate.parse("2026-09-23"));
        Submitted s = Origins.fresh(() -> intake.submit(Applicants.person("ycsjyj", "2026年宜春市中小学教师招聘计划")));
        Acting.as(Staff.of("ycsjyj").approver(), () -> handling.reply(s.trackingNo(), new Reply("PARTIAL",
                "招聘计划予以公开。", null, null)));
        String letter = jdbc.queryForObject("SELECT reply_letter FROM info_request WHERE tracking_no = ?", String.class,
                s.trackingNo());
        assertThat(jdbc.update("UPDATE info_request SET reply_letter = ? WHERE tracking_no = ?",
                letter.replace("招聘计划予以公开。", "招聘\u0000计划\u0001予以\uD800公开\uFFFF。"), s.trackingNo()))
                .isEqualTo(1);

        byte[] pdf = mvc.perform(get("/requests/{n}/letter.pdf", s.trackingNo()).param("code", s.code()))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", "")).contains("招聘计划予以公开。");
        }
    }
}
