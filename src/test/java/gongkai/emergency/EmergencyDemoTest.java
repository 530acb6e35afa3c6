package gongkai.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo profile's past flood: its warning sequence (an alert for two counties, an update, its cancellation, each
 * confirmed, marked 示例数据, and nothing in force), the emergency that joins it with a timeline of urgent and reviewed
 * updates, and the relief campaign that answers it.
 */
@SpringBootTest
@ActiveProfiles({"test", "demo"})
class EmergencyDemoTest {

    @Autowired
    Warnings warnings;
    @Autowired
    CapAlerts cap;
    @Autowired
    Emergencies emergencies;
    @Autowired
    Donations donations;

    @Test
    void theFloodIsOneEmergencyWithItsWarningsTimelineAndCampaign() {
        Emergency flood = emergencies.all().stream().filter(Emergency::demo).findFirst().orElseThrow();
        assertThat(flood.ended()).isTrue();
        assertThat(flood.warningIds()).hasSize(1);
        assertThat(warnings.get(flood.warningIds().get(0)).demo()).isTrue();
        var timeline = emergencies.timeline(flood.id(), false);
        assertThat(timeline).extracting(EmergencyUpdate::kind).contains(UpdateKind.RESPONSE, UpdateKind.DAMAGE,
                UpdateKind.NEEDS, UpdateKind.MEDICAL, UpdateKind.RECOVERY);
        assertThat(timeline).filteredOn(EmergencyUpdate::urgent).allMatch(u -> u.confirmedBy() != null);
        assertThat(timeline).allMatch(u -> u.title() != null && u.indexNo() != null);
        assertThat(emergencies.currentNeeds(flood.id())).get().extracting(EmergencyUpdate::title)
                .isEqualTo("救助需求（第2期）");
        assertThat(emergencies.figureSeries(flood.id())).hasSize(2);
        assertThat(donations.campaignsFor(flood.id())).singleElement().satisfies(c -> assertThat(c.demo()).isTrue());
        assertThat(emergencies.ofWarning(flood.warningIds().get(0))).get().extracting(Emergency::id)
                .isEqualTo(flood.id());
    }

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
