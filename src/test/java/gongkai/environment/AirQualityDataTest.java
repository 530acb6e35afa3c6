package gongkai.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import gongkai.shared.Role;
import gongkai.support.BackOfficeSignIn;
import gongkai.support.MovableClock;
import gongkai.support.PlatformTest;

/**
 * Daily air data taken in through the API, all or nothing, by the environment office's editor only; read back as a
 * day's AQI and as the month's ranking, a region's stations averaged and a region short of valid days listed with
 * the reason.
 */
@PlatformTest
@Import(MovableClock.Config.class)
class AirQualityDataTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    BackOfficeSignIn signIn;
    @Autowired
    MovableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private int stored() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM air_daily", Integer.class);
    }

    @Test
    void aMonthIsTakenInRankedAndReadBack() throws Exception {
        clock.setDate(LocalDate.of(2026, 4, 10));
        StringBuilder csv = new StringBuilder("\uFEFFdate,regionCode,station,so2,no2,pm10,co,o3_8h,pm25\n");
        for (int d = 1; d <= 31; d++) {
            String day = String.format("2026-03-%02d", d);
            csv.append(day).append(",360921,,10,20,45,0.8,120,30\n");
            csv.append(day).append(",360922,,10,20,45,0.8,120,33\n");
            csv.append(day).append(",360923,,10,20,45,0.8,120,").append(d <= 26 ? "20" : "").append('\n');
            csv.append(day).append(",360924,一号站,10,20,40,0.8,120,28\n");
            csv.append(day).append(",360924,二号站,10,20,50,0.8,120,32\n");
        }
        var editor = signIn.asNew("ycshbj", Role.EDITOR);
        int before = stored();
        mvc.perform(post("/api/v1/environment/air/daily").with(editor).with(csrf()).contentType("text/csv")
                .content(csv.toString())).andExpect(status().isCreated()).andExpect(jsonPath("$.imported").value(155));
        assertThat(stored()).isEqualTo(before + 155);

        // 奉新 3.37 and 宜丰 (stations averaged: PM10 45, PM2.5 30) 3.37 share rank 1; 万载 3.47 third; 上高 unranked.
        mvc.perform(get("/api/v1/environment/air/ranking/2026-03")).andExpect(status().isOk())
                .andExpect(jsonPath("$.rules").value("GB3095-2026"))
                .andExpect(jsonPath("$.regions[0].compositeIndex").value(3.37))
                .andExpect(jsonPath("$.regions[0].rank").value(1))
                .andExpect(jsonPath("$.regions[1].rank").value(1))
                .andExpect(jsonPath("$.regions[2].name").value("万载县"))
                .andExpect(jsonPath("$.regions[2].rank").value(3))
                .andExpect(jsonPath("$.regions[3].name").value("上高县"))
                .andExpect(jsonPath("$.regions[3].rank").doesNotExist())
                .andExpect(jsonPath("$.regions[3].unranked").value("有效监测天数不足，不参加排名（PM2.5 26天；每项至少27天）"));
        // 万载 on 1 March: PM2.5 33 (below 35): 50/35 × 33 = 47.14 → 48; PM10 45 → 45; O3 8h 120:
        // 50/60 × 20 + 50 = 66.67 → 67: AQI 67, 良, 首要污染物 O3.
        mvc.perform(get("/api/v1/environment/air/daily").param("date", "2026-03-01").param("region", "360922"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.rules").value("HJ633-2026"))
                .andExpect(jsonPath("$.aqi").value(67)).andExpect(jsonPath("$.category").value("良"))
                .andExpect(jsonPath("$.primary[0]").value("O3_8H"));
        mvc.perform(get("/api/v1/environment/air/daily").param("date", "2026-03-01").param("region", "360925"))
                .andExpect(status().isNotFound());
        // The pages: the ranking table the chart is drawn from, the reason a county is not ranked, the history.
        mvc.perform(get("/environment/air/2026-03")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<table id=\"ranking-table\">")))
                .andExpect(content().string(containsString("<th scope=\"row\">万载县</th>")))
                .andExpect(content().string(containsString("上高县</strong>：<span>有效监测天数不足，不参加排名（PM2.5 26天；每项至少27天）")))
                .andExpect(content().string(containsString("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js")));
        mvc.perform(get("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js")).andExpect(status().isOk());
        mvc.perform(get("/environment/air")).andExpect(status().isOk())
                .andExpect(content().string(containsString("2026年3月排名")))
                .andExpect(content().string(containsString("<table id=\"history-table\">")));
        mvc.perform(get("/environment/air/2026-3x")).andExpect(status().isBadRequest());
        mvc.perform(get("/catalog/en-air-ranking")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<a id=\"computed-page\" href=\"/environment/air\">查看各月排名</a>")));
    }

    @Test
    void aBadFileIsRefusedWholeWithEveryProblemNamed() throws Exception {
        clock.setDate(LocalDate.of(2026, 4, 10));
        String csv = "date,regionCode,so2,no2,pm10,co,o3_8h,pm25\n"
                + "2026-03-01,360926,10,20,45,0.8,120,30\n"
                + "2026-03-02,360926,10,20,45,0.8,120,abc\n"
                + "2026-03-03,999999,10,20,45,0.8,120,30\n"
                + "2026-05-01,360926,10,20,45,0.8,120,30\n"
                + "2026-03-04,360926,10,-5,45,0.8,120,30\n";
        int before = stored();
        mvc.perform(post("/api/v1/environment/air/daily").with(signIn.asNew("ycshbj", Role.EDITOR)).with(csrf())
                .contentType("text/csv").content(csv)).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("第3行 pm25：“abc”不是数字。")))
                .andExpect(content().string(containsString("第4行 regionCode：“999999”不是本市或所辖县（市、区）、功能区的区划代码或名称。")))
                .andExpect(content().string(containsString("第5行 date：2026-05-01是将来的日期。")))
                .andExpect(content().string(containsString("第6行 no2：浓度应在0至10000之间")));
        assertThat(stored()).isEqualTo(before);
        // Only the environment office's editors take data in.
        mvc.perform(post("/api/v1/environment/air/daily").with(signIn.asNew("ycsmzj", Role.EDITOR)).with(csrf())
                .contentType("text/csv").content("date,regionCode,pm25\n2026-03-01,360926,30\n"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/environment/air/daily").with(signIn.asNew("ycshbj", Role.EDITOR)).with(csrf())
                .contentType("application/json").content("[{\"date\":\"2026-03-01\",\"regionCode\":\"360926\"}]"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("第1条：没有任何污染物浓度。")));
        assertThat(stored()).isEqualTo(before);
        mvc.perform(get("/api/v1/environment/air/ranking/2026-13")).andExpect(status().isBadRequest());
    }
}
