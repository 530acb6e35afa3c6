package gongkai.publishing;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import gongkai.shared.ConflictProblem;
import gongkai.shared.InvalidInputProblem;
import gongkai.support.PlatformTest;
import gongkai.support.Staff;

import static gongkai.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Policy interpretations (政策解读): approved and published with their policy, linked both ways. */
@PlatformTest
class InterpretationTest extends PublishingFixture {

    private static RecordInput policy(String title) {
        return new RecordInput("sa-policy", "ycsmzj", "360900", title, "", "宜民字〔2026〕9号",
                LocalDate.of(2026, 8, 1), "<p>政策正文。</p>", List.of("低保"), null, null, null, null, null, null, null);
    }

    private static RecordInput interpretation(String of, String title) {
        return new RecordInput("sa-policy", "ycsmzj", "360900", title, "", null, LocalDate.of(2026, 8, 2),
                "<p>问：谁可以申请？</p><p>答：……</p>", List.of("解读"), null, null, null, null, null, of, "QA");
    }

    @Test
    void aPolicyIsPublishedWithItsInterpretationAndTheyLinkBothWays() throws Exception {
        Staff s = Staff.of("ycsmzj");
        String policyRef = as(s.editor(), () -> drafting.create(policy("城乡低保认定办法（测试）")));
        String interpretationRef = as(s.editor(), () -> drafting.create(interpretation(policyRef, "图解城乡低保认定办法")));
        for (String ref : List.of(policyRef, interpretationRef)) {
            as(s.editor(), () -> publishing.submit(ref));
            as(s.reviewer(), () -> publishing.review(ref, Decision.PASS, ""));
        }
        assertThatThrownBy(() -> as(s.approver(), () -> publishing.approve(interpretationRef, Decision.PASS, "", null, null)))
                .isInstanceOf(ConflictProblem.class).hasMessageContaining("同步发布");
        as(s.approver(), () -> publishing.approve(policyRef, Decision.PASS, "同步审签", null, null));

        RecordView p = records.view(policyRef, null);
        RecordView i = records.view(interpretationRef, null);
        assertThat(p.status()).isEqualTo(RecordStatus.PUBLISHED);
        assertThat(i.status()).isEqualTo(RecordStatus.PUBLISHED);
        assertThat(p.interpretations()).extracting(RecordView.RecordLink::ref).containsExactly(i.indexNo());
        assertThat(i.interpretationOf().ref()).isEqualTo(p.indexNo());
        mvc.perform(get("/records/{r}", p.indexNo())).andExpect(status().isOk())
                .andExpect(content().string(containsString("图解城乡低保认定办法")));
        mvc.perform(get("/records/{r}", i.indexNo())).andExpect(status().isOk())
                .andExpect(content().string(containsString("城乡低保认定办法（测试）")))
                .andExpect(content().string(containsString("问答解读")));
    }

    @Test
    void aPolicyWithoutInterpretationNeedsTheApproversReason() {
        Staff s = Staff.of("ycsmzj");
        String ref = as(s.editor(), () -> drafting.create(policy("临时救助实施细则（测试）")));
        as(s.editor(), () -> publishing.submit(ref));
        as(s.reviewer(), () -> publishing.review(ref, Decision.PASS, ""));
        assertThatThrownBy(() -> as(s.approver(), () -> publishing.approve(ref, Decision.PASS, "", null, null)))
                .isInstanceOfSatisfying(InvalidInputProblem.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("noInterpretationReason"));
        assertThat(as(s.approver(), () -> records.workingCopy(ref)).status()).isEqualTo(RecordStatus.REVIEWED);
        as(s.approver(), () -> publishing.approve(ref, Decision.PASS, "", null, "仅作文字性修改，解读沿用上年"));
        RecordView v = as(s.approver(), () -> records.workingCopy(ref));
        assertThat(v.status()).isEqualTo(RecordStatus.PUBLISHED);
        assertThat(v.noInterpretationReason()).isEqualTo("仅作文字性修改，解读沿用上年");
    }

    @Test
    void onlyPolicyDocumentsCanBeInterpreted() {
        Staff s = Staff.of("ycsmzj");
        String notPolicy = as(s.editor(), () -> drafting.create(new RecordInput("sa-funds", "ycsmzj", "360900",
                "救助款物（测试）", "", null, LocalDate.of(2026, 8, 1), "", null, null, null, null, null,
                List.of(java.util.Map.of("救助项目", "城乡低保", "资金来源", "省级", "期间", "2026年第三季度",
                        "发放范围", "全市")), null, null, "2026-Q3")));
        assertThatThrownBy(() -> as(s.editor(), () -> drafting.create(interpretation(notPolicy, "解读"))))
                .isInstanceOfSatisfying(InvalidInputProblem.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("interpretationOf"));
    }
}
