package gongkai.emergency.internal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriUtils;

import gongkai.emergency.NewWarning;
import gongkai.emergency.Warnings;
import gongkai.publishing.RecordInput;
import gongkai.shared.Actor;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.BackOfficeSignIn;
import gongkai.support.MovableClock;
import gongkai.support.PlatformTest;
import gongkai.support.Staff;
import gongkai.support.ThreeStepReview;

/**
 * The banner on the public pages: a warning for 万载县 shows on 万载县's page, the city's and the home page, not on
 * 奉新县's; it is gone from every page once it expires, kept pages included; on a record's page it shows when the
 * record is of 万载县, one of its townships or the city, not of 奉新县; /warnings and a warning's page.
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

    @Autowired
    BackOfficeSignIn signIn;

    @RegisterExtension
    final ThreeStepReview review = new ThreeStepReview();

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

    @Test
    void onARecordsPageTheBannerShowsTheWarningsOfTheRecordsRegion() throws Exception {
        clock.setDate(LocalDate.of(2032, 4, 12));
        Staff office = Staff.of("ycswjw");
        String tag = Long.toString(System.nanoTime(), 36);
        String county = review.publish(office, record("万载县 WPT " + tag, "360922"));
        String township = review.publish(office, record("株潭镇 WPT " + tag, "360922100"));
        String city = review.publish(office, record("宜春市 WPT " + tag, "360900"));
        String otherCounty = review.publish(office, record("奉新县 WPT " + tag, "360921"));
        Acting.as(ISSUER, () -> warnings.issue(new NewWarning("大风", "ORANGE", List.of("360922"), null,
                "WPT 预计有大风。", "WPT 注意防护。", "2032-04-12T08:00", "2032-04-12T20:00")));
        boundaries.check();
        String label = "大风橙色预警 Ⅱ级";
        for (String indexNo : List.of(county, township, city)) {
            mvc.perform(get(encoded(indexNo)))
                    .andExpect(status().isOk()).andExpect(content().string(containsString(label)));
        }
        mvc.perform(get("/records/" + township)).andExpect(status().isOk())
                .andExpect(content().string(containsString(label)));
        mvc.perform(get(encoded(otherCounty)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("奉新县 WPT " + tag)))
                .andExpect(content().string(not(containsString(label))));
        mvc.perform(get("/records/" + otherCounty)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(label))));
    }

    /** The record's page as API.md gives it, the index number's '/' encoded. */
    private static URI encoded(String indexNo) {
        return URI.create("/records/" + UriUtils.encodePathSegment(indexNo, StandardCharsets.UTF_8));
    }

    private static RecordInput record(String title, String region) {
        return new RecordInput("he-campaign", "ycswjw", region, title, "", null, LocalDate.of(2032, 4, 1),
                "<p>活动安排如下。</p>", List.of("健康中国行"), null, null, null, null, List.of(), null, null);
    }

    @Test
    void theBackOfficeIssuesConfirmsUpdatesAndCancels() throws Exception {
        clock.setDate(LocalDate.of(2032, 5, 10));
        var approver = signIn.asNew("ycsyjj", Role.APPROVER);
        var reviewer = signIn.asNew("ycsyjj", Role.REVIEWER);
        mvc.perform(get("/admin/warnings").with(signIn.asNew("ycshbj", Role.APPROVER))).andExpect(status().isForbidden());
        mvc.perform(get("/admin").with(approver)).andExpect(content().string(containsString("/admin/warnings")));
        mvc.perform(get("/admin/warnings/new").with(approver)).andExpect(status().isOk())
                .andExpect(content().string(containsString("森林火险")));
        mvc.perform(post("/admin/warnings/new").with(approver).with(csrf()).param("hazard", "大雾")
                .param("level", "BLUE").param("counties", "360923").param("townships", "999999999")
                .param("description", "WPT 能见度低。").param("onset", "2032-05-10T08:00")
                .param("expires", "2032-05-10T07:00")).andExpect(status().isOk())
                .andExpect(content().string(containsString("“999999999”不存在")))
                .andExpect(content().string(containsString("失效时间必须晚于生效时间")));
        mvc.perform(post("/admin/warnings/new").with(approver).with(csrf()).param("hazard", "大雾")
                .param("level", "BLUE").param("counties", "360923").param("description", "WPT 能见度低。")
                .param("onset", "2032-05-10T08:00").param("expires", "2032-05-10T20:00"))
                .andExpect(redirectedUrl("/admin/warnings"));
        long id = warnings.messages(0, 1).get(0).id();
        mvc.perform(get("/admin/warnings").with(approver)).andExpect(status().isOk())
                .andExpect(content().string(containsString("尚未复核确认")));
        mvc.perform(post("/admin/warnings/{id}/confirm", id).with(reviewer).with(csrf()))
                .andExpect(redirectedUrl("/admin/warnings"));
        org.assertj.core.api.Assertions.assertThat(warnings.get(id).confirmed()).isTrue();
        mvc.perform(get("/admin/warnings/{id}/update", id).with(approver)).andExpect(status().isOk())
                .andExpect(content().string(containsString("2032-05-10T20:00")));
        mvc.perform(post("/admin/warnings/{id}/cancel", id).with(approver).with(csrf()).param("reason", "WPT 雾散。"))
                .andExpect(redirectedUrl("/admin/warnings"));
        org.assertj.core.api.Assertions.assertThat(warnings.get(id).status().name()).isEqualTo("CANCELLED");
    }
}
