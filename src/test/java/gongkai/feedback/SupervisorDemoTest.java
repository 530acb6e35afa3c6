package gongkai.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import gongkai.assessment.FindingStatus;
import gongkai.assessment.Supervision;
import gongkai.assessment.SupervisionFinding;
import gongkai.shared.Actor;
import gongkai.shared.Role;
import gongkai.support.Acting;

/** The demo profile's social supervisors: one serving with an answered finding, one whose term ended early. */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
class SupervisorDemoTest {

    @Autowired
    Supervisors supervisors;
    @Autowired
    Supervision supervision;

    @Test
    void twoDemoSupervisorsOneEndedAndAnAnsweredFinding() {
        List<Supervisor> demo = Acting.as(Acting.cityAdmin(), () -> supervisors.all(Acting.cityAdmin())).stream()
                .filter(Supervisor::demo).toList();
        assertThat(demo).extracting(Supervisor::status).containsExactlyInAnyOrder(SupervisorTermStatus.SERVING,
                SupervisorTermStatus.ENDED_EARLY);
        assertThat(demo).allMatch(s -> s.name().contains("示例"));
        assertThat(demo).filteredOn(s -> s.status() == SupervisorTermStatus.ENDED_EARLY)
                .allMatch(s -> s.endReason().startsWith("示例数据"));

        Supervisor serving = demo.stream().filter(s -> s.status() == SupervisorTermStatus.SERVING).findFirst()
                .orElseThrow();
        List<SupervisionFinding> filed = supervision.filedBy(new Actor(serving.username(), null,
                EnumSet.of(Role.SUPERVISOR), false));
        assertThat(filed).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(FindingStatus.RECTIFIED);
            assertThat(f.problem()).startsWith("示例数据");
            assertThat(f.rectification()).startsWith("示例数据");
        });
        assertThat(supervisors.listing()).filteredOn(SupervisorListing::demo).hasSize(2);
    }
}
