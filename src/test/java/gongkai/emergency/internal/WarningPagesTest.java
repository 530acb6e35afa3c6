package gongkai.emergency.internal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import gongkai.emergency.NewWarning;
import gongkai.emergency.Warnings;
import gongkai.shared.Actor;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.MovableClock;
import gongkai.support.PlatformTest;

/**
 * The banner on the public pages: a warning for 万载县 shows on 万载县's page, the city's and the home page, not on
 * 奉新县's; it is gone from every page once it expires, kept pages included; /warnings and a warning's page.
 */
@PlatformTest
@Import(MovableClock.Config.class)
class WarningPagesTest {

    private static final Actor ISSUER = Acting.actor("ycsyjj", Role.APPROVER);

    @Autowired
    Warnings warnings;
    @Autowired
    WarningBoundaries boundaries;
    @Autowired
    MovableClock clock;
    @Autowired
    MockMvc mvc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theBannerShowsOnThePagesOfTheRegionAndGoesWhenTheWarningExpires() throws Exception {
        clock.setDate(LocalDate.of(2032, 3, 10));
        long id = Acting.as(ISSUER, () -> warnings.issue(new NewWarning("冰雹", "YELLOW", List.of("360922"), null,
                "WPT 预计有冰雹。", "WPT 注意防护。", "2032-03-10T08:00", "2032-03-10T20:00")));
        boundaries.check();
        String label = "冰雹黄色预警 Ⅲ级";
        mvc.perform(get("/regions/360922")).andExpect(status().isOk())
                .andExpect(content().string(containsString(label)))
                .andExpect(content().string(containsString("/warnings/" + id)));
        mvc.perform(get("/regions/360900")).andExpect(content().string(containsString(label)));
        mvc.perform(get("/")).andExpect(content().string(containsString(label)));
        mvc.perform(get("/regions/360921")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(label))));
        mvc.perform(get("/warnings")).andExpect(status().isOk())
                .andExpect(content().string(containsString("宜春市应急管理局发布冰雹黄色预警")));
        mvc.perform(get("/warnings/{id}", id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("WPT 注意防护。")))
                .andExpect(content().string(containsString("Ⅲ级（较重）")))
                .andExpect(content().string(containsString("/cap/alerts/" + id + ".xml")))
                .andExpect(content().string(containsString("待复核确认")));
        mvc.perform(get("/warnings/{id}", 999_999_999)).andExpect(status().isNotFound());

        clock.setDate(LocalDate.of(2032, 3, 11));
        boundaries.check();
        mvc.perform(get("/regions/360922")).andExpect(content().string(not(containsString(label))));
        mvc.perform(get("/")).andExpect(content().string(not(containsString(label))));
        mvc.perform(get("/warnings")).andExpect(content().string(containsString("已过期")));
    }
}
