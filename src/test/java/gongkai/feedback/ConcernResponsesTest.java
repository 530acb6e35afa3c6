package gongkai.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import gongkai.catalog.Catalog;
import gongkai.catalog.CatalogField;
import gongkai.catalog.FieldType;
import gongkai.publishing.RecordInput;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.PlatformConfiguration;
import gongkai.support.PlatformTest;
import gongkai.support.Staff;
import gongkai.support.ThreeStepReview;

/**
 * 回应关切: a record of catalogue item gd-response written through the ordinary editor and 三审, whose linked index
 * numbers must name published records, listed in the home page's column once published.
 */
@PlatformTest
class ConcernResponsesTest {

    static final String ORG = "ycswjw";

    @RegisterExtension
    static final ThreeStepReview review = new ThreeStepReview();

    @Autowired
    Catalog catalog;
    @Autowired
    ConcernResponses responses;
    @Autowired
    MockMvc mvc;

    final LocalDate today = LocalDate.now(PlatformConfiguration.CHINA);

    static RecordInput response(String title, String source, String links) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("关切事项", "网民反映" + title);
        row.put("关切来源", source);
        row.put("回应内容", "经核实，" + title + "已按规定办理。");
        if (links != null) {
            row.put("相关信息索引号", links);
        }
        return new RecordInput(ConcernResponses.ITEM, ORG, "360900", title, "", null,
                LocalDate.now(PlatformConfiguration.CHINA), "<p>" + title + "的回应。</p>", List.of(), null, null, null,
                null, List.of(row), null, null);
    }

    @Test
    void theCatalogueGivesTheEditorTheConcernItsSourceTheResponseAndTheLinks() {
        var item = catalog.item(ConcernResponses.ITEM).orElseThrow();
        assertThat(item.name()).isEqualTo("回应社会关切");
        assertThat(item.fields()).extracting(CatalogField::name).containsExactly("关切事项", "关切来源", "回应内容", "相关信息索引号");
        assertThat(item.fields().get(1).choices()).contains("网络舆情", "12345热线", "媒体报道", "人大代表建议");
        assertThat(item.fields().get(3).type()).isEqualTo(FieldType.INDEX_NUMBERS);
    }

    @Test
    void linksMustNamePublishedRecordsAndAWrongSourceIsRefused() {
        Staff staff = Staff.of(ORG);
        assertThatThrownBy(() -> review.draft(staff, response("CR-未知链接", "网络舆情", "nosuch/2026-00001")))
                .isInstanceOf(InvalidInputProblem.class).hasMessageContaining("没有索引号为“nosuch/2026-00001”的已公开信息");
        assertThatThrownBy(() -> review.draft(staff, response("CR-错误来源", "道听途说", null)))
                .isInstanceOf(InvalidInputProblem.class).hasMessageContaining("关切来源");
        String unpublished = review.draft(staff, new RecordInput("gd-rules", ORG, "360900", "CR-未发布的制度", "", null,
                today, "<p>草稿。</p>", List.of(), null, null, null, null, null, null, null));
        assertThatThrownBy(() -> review.draft(staff, response("CR-草稿链接", "网络舆情", unpublished)))
                .isInstanceOf(InvalidInputProblem.class).hasMessageContaining("已公开信息");
    }

    @Test
    void aPublishedResponseShowsInTheHomeColumnWithItsLinkedRecord() throws Exception {
        Staff staff = Staff.of(ORG);
        String policy = review.publish(staff, new RecordInput("gd-rules", ORG, "360900", "CR-卫健信息公开制度", "", null,
                today, "<p>制度正文。</p>", List.of(), null, null, null, null, null, null, null));
        String indexNo = review.publish(staff, response("CR-关于医保报销比例的回应", "12345热线", policy));

        assertThat(responses.latest()).extracting(r -> r.indexNo()).contains(indexNo);
        String home = mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(home).contains("concern-responses", "回应关切", "CR-关于医保报销比例的回应");
        String record = mvc.perform(get(URI.create("/records/" + indexNo.replace("/", "%2F")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(record).contains("12345热线", policy);
    }
}
