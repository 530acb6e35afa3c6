package gongkai.environment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import gongkai.environment.Enterprise;
import gongkai.environment.PollutionSources;
import gongkai.environment.UploadGap;

/**
 * The demo profile's pollution sources: four fictitious enterprises marked as demo data, a few exceedances (one of
 * pH), one enterprise that has not uploaded a month and one whose month came late.
 */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
class PollutionDemoTest {

    @Autowired
    PollutionSources sources;

    @Test
    void theDemoHasFourFictitiousEnterprisesWithExceedancesAndGaps() {
        assertThat(sources.enterprises()).filteredOn(Enterprise::demo).hasSize(4)
                .allSatisfy(e -> assertThat(e.name()).startsWith("示例").endsWith("（虚构）"));
        var exceedances = sources.recentExceedances(120);
        assertThat(exceedances).hasSizeGreaterThanOrEqualTo(3);
        assertThat(exceedances).anySatisfy(x -> {
            assertThat(x.result().pollutant()).isEqualTo("pH值");
            assertThat(x.result().multiple()).isNull();
        });
        assertThat(sources.gaps()).filteredOn(g -> g.enterprise().demo())
                .extracting(g -> g.enterprise().name() + " " + g.status())
                .containsExactlyInAnyOrder("示例高安陶瓷有限公司（虚构） 缺报", "示例樟树制药有限公司（虚构） 迟报");
        assertThat(sources.gaps()).filteredOn(UploadGap::missing).isNotEmpty();
    }
}
