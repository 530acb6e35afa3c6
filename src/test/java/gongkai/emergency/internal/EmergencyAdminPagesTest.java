package gongkai.emergency.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import gongkai.emergency.Emergencies;
import gongkai.shared.PlatformConfiguration;
import gongkai.shared.Role;
import gongkai.support.BackOfficeSignIn;
import gongkai.support.PlatformTest;

/**
 * The emergencies back office by form: declaring (a bad form names its problems and stores nothing), an urgent update,
 * its confirmation by a second person, the end of the response behind its checkbox, and the desk closed to bodies
 * that have no part in the emergency.
 */
@PlatformTest
class EmergencyAdminPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    BackOfficeSignIn signIn;
    @Autowired
    Emergencies emergencies;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void declarePostConfirmAndEndByForm() throws Exception {
        var leader = signIn.asNew("ycsyjj", Role.APPROVER);
        var second = signIn.asNew("ycsyjj", Role.REVIEWER);
        String earlier = LocalDateTime.now(PlatformConfiguration.CHINA).minusHours(5).withSecond(0).withNano(0)
                .toString();
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM emergency", Integer.class);
        mvc.perform(post("/admin/emergencies/new").with(leader).with(csrf()).param("kind", "NATURAL_DISASTER")
                .param("title", "EAP 山洪").param("summary", "").param("occurredAt", earlier)
                .param("townships", "360902999"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写事件概况")))
                .andExpect(content().string(containsString("行政区划代码“360902999”不存在")));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM emergency", Integer.class)).isEqualTo(before);

        String location = mvc.perform(post("/admin/emergencies/new").with(leader).with(csrf())
                .param("kind", "NATURAL_DISASTER").param("title", "EAP 山洪").param("summary", "山洪冲毁道路。")
                .param("occurredAt", earlier).param("counties", "360902").param("bodies", "yzqzf"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        mvc.perform(post("/admin/emergencies/{id}/updates", id).with(leader).with(csrf()).param("kind", "RESPONSE")
                .param("title", "EAP 抢通道路").param("text", "出动机械12台。").param("asOf", earlier).param("urgent", "on"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/emergencies/{id}", id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("EAP 抢通道路")))
                .andExpect(content().string(containsString("紧急发布，待复核")));
        long update = emergencies.timeline(id, false).get(0).id();
        mvc.perform(post("/admin/emergencies/{id}/updates/{u}/confirm", id, update).with(second).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(emergencies.timeline(id, false).get(0).confirmedAt()).isNotNull();

        mvc.perform(get("/admin/emergencies/{id}", id).with(signIn.asNew("ycshbj", Role.EDITOR)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/emergencies/{id}", id).with(signIn.asNew("yzqzf", Role.EDITOR)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("EAP 抢通道路")));

        mvc.perform(post("/admin/emergencies/{id}/end", id).with(leader).with(csrf()).param("statement", "道路抢通。"))
                .andExpect(status().is3xxRedirection());
        assertThat(emergencies.get(id).ended()).as("the end needs its checkbox").isFalse();
        mvc.perform(post("/admin/emergencies/{id}/end", id).with(leader).with(csrf()).param("statement", "道路抢通。")
                .param("confirmEnd", "on")).andExpect(status().is3xxRedirection());
        assertThat(emergencies.get(id).ended()).isTrue();
    }
}
