package gongkai.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo profile's consultations and responses to concerns: an open consultation whose comments show one, moderate
 * one out and keep one private; a closed one with its feedback report and final policy; two 回应关切, all 示例数据.
 */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
class ConsultationDemoTest {

    @Autowired
    Consultations consultations;
    @Autowired
    ConcernResponses responses;

    @Test
    void theDemoShowsAnOpenAndAClosedConsultationAndTwoResponses() {
        var demo = consultations.all().stream().filter(Consultation::demo).toList();
        assertThat(demo).hasSize(2);
        Consultation open = demo.get(0);
        assertThat(open.status()).isEqualTo(ConsultationStatus.OPEN);
        assertThat(open.commentCount()).isEqualTo(3);
        assertThat(open.shown()).singleElement().satisfies(c -> assertThat(c.publicName()).isEqualTo("李*国"));
        Consultation closed = demo.get(1);
        assertThat(closed.status()).isEqualTo(ConsultationStatus.CLOSED);
        assertThat(closed.report().groups()).extracting(g -> g.decision()).containsExactly(
                ConsultationDecision.ADOPTED, ConsultationDecision.PARTLY, ConsultationDecision.NOT_ADOPTED);
        assertThat(closed.finalIndexNo()).isNotNull();
        assertThat(closed.finalTitle()).contains("临时救助实施细则");
        assertThat(consultations.withFinalRecord(closed.finalIndexNo())).get().extracting(Consultation::id)
                .isEqualTo(closed.id());
        assertThat(responses.latest()).filteredOn(r -> r.demo()).hasSize(2)
                .allSatisfy(r -> assertThat(r.title()).startsWith("示例："));
        assertThat(demo).allSatisfy(c -> assertThat(c.title()).startsWith("示例："));
    }
}
