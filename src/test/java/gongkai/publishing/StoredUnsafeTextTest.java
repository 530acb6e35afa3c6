package gongkai.publishing;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.MediaType;
import org.springframework.web.util.UriUtils;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.PlatformTest;
import gongkai.support.Staff;

import static gongkai.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Records published before input was checked may hold characters XML 1.0 cannot carry. Written straight into the
 * database, such a title must not take the Atom feed down for everyone, nor stop the printable notice: both leave the
 * characters out and print the rest.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredUnsafeTextTest extends PublishingFixture {

    /** NUL, other C0 controls, an unpaired high and low surrogate and a noncharacter, around a real emoji pair. */
    private static final String BAD = "\u0000坏\u0001标\u001b题\uD800😀\uDC00示\uFFFE例\uFFFF";
    private static final String SHOWN = "坏标题😀示例";

    private String open;
    private String targeted;

    @BeforeAll
    void publishTwoRecordsAndSpoilTheirTitles() {
        Staff city = Staff.of("ycsfpb");
        Map<String, String> row = Map.of("项目名称", "村组道路硬化", "资金来源", "中央财政衔接资金", "实施期限",
                "2026年3月至10月", "预期目标", "硬化村组道路2.5公里", "实施单位", "某乡人民政府", "责任人", "刘建设", "举报电话",
                "0795-3201234");
        open = publish(city, new RecordInput("pa-project", "ycsfpb", "360900", "村组道路硬化项目公示", "项目公示。", null,
                LocalDate.of(2026, 9, 1), "<p>现将项目公示如下。</p>", List.of("扶贫项目"), null, null, null, null,
                List.of(row), null, null));
        Staff town = Staff.of("fxxzf");
        targeted = publish(town, new RecordInput("pa-identification", "fxxzf", "360921", "贫困识别和退出情况公示",
                "2026年度识别和退出名单", null, LocalDate.of(2026, 10, 20), "<p>现将名单公示如下。</p>", List.of("贫困识别"),
                null, "建档立卡户", null, null, List.of(Map.of("户主姓名", "王小明", "家庭人口", "4", "所在村组", "某村三组",
                        "识别或退出", "退出", "年度", "2026")), null, null));
        for (String indexNo : List.of(open, targeted)) {
            assertThat(jdbc.update("UPDATE disclosure_record SET title = ? WHERE index_no = ?", BAD, indexNo))
                    .isEqualTo(1);
            assertThat(jdbc.update("UPDATE record_version SET title = ?, publisher_name = ? WHERE record_id = "
                    + "(SELECT id FROM disclosure_record WHERE index_no = ?)", BAD, "某\u0002机关", indexNo))
                    .isPositive();
        }
    }

    private String publish(Staff s, RecordInput input) {
        String draft = as(s.editor(), () -> drafting.create(input));
        as(s.editor(), () -> publishing.submit(draft));
        as(s.reviewer(), () -> publishing.review(draft, Decision.PASS, "材料齐全"));
        as(s.approver(), () -> publishing.approve(draft, Decision.PASS, "同意发布", null, null));
        return as(s.editor(), () -> records.view(draft, null)).indexNo();
    }

    @Test
    void theFeedLeavesOutWhatXmlCannotCarryAndStaysReadable() throws Exception {
        byte[] atom = mvc.perform(get("/feeds/records.atom")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        Document feed = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(atom));
        NodeList titles = feed.getElementsByTagName("title");
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < titles.getLength(); i++) {
            shown.add(titles.item(i).getTextContent());
        }
        assertThat(shown).contains(SHOWN);
        assertThat(new String(atom, StandardCharsets.UTF_8)).contains("某机关");
    }

    @Test
    void thePrintableNoticeStillPrints() throws Exception {
        String editor = Acting.newUser(accounts, "fxxzf", Role.EDITOR);
        byte[] pdf = mvc.perform(get(URI.create("/records/" + UriUtils.encodePathSegment(targeted,
                        StandardCharsets.UTF_8) + "/notice.pdf")).with(page(editor)))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", "")).contains("坏标题").contains("示例");
        }
    }

    @Test
    void thePageAndTheApiStillAnswer() throws Exception {
        String ref = UriUtils.encodePathSegment(open, StandardCharsets.UTF_8);
        mvc.perform(get(URI.create("/records/" + ref))).andExpect(status().isOk());
        mvc.perform(get(URI.create("/api/v1/records/" + ref))).andExpect(status().isOk());
        mvc.perform(get("/records")).andExpect(status().isOk());
    }
}
