package gongkai.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo profile's past flood warning sequence: an alert for two counties, an update, its cancellation, each
 * confirmed, marked 示例数据, and nothing in force.
 */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
class WarningDemoTest {

    @Autowired
    Warnings warnings;
    @Autowired
    CapAlerts cap;

    @Test
    void aPastFloodSequenceIsMarkedConfirmedAndNotInForce() {
        var demo = warnings.messages(0, 100).stream().filter(Warning::demo).toList();
        assertThat(demo).extracting(Warning::msgType).containsExactly(WarningMessageType.CANCEL,
                WarningMessageType.UPDATE, WarningMessageType.ALERT);
        assertThat(demo).allMatch(Warning::confirmed);
        Warning alert = demo.get(2);
        assertThat(alert.headline()).isEqualTo("宜春市应急管理局发布暴雨橙色预警");
        assertThat(alert.areas()).extracting(Warning.Area::name).containsExactly("袁州区", "万载县");
        assertThat(alert.status()).isEqualTo(WarningStatus.SUPERSEDED);
        assertThat(demo.get(1).status()).isEqualTo(WarningStatus.CANCELLED);
        assertThat(demo.get(1).areas()).extracting(Warning.Area::code).containsExactly("360902", "360922", "360923");
        assertThat(warnings.inForce()).noneMatch(Warning::demo);
        for (Warning w : demo) {
            WarningsTest.validate(cap.xml(w.id()));
            assertThat(cap.xml(w.id())).contains("<note>示例数据</note>");
        }
    }
}
