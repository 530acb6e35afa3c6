package gongkai.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import gongkai.shared.Role;
import gongkai.support.BackOfficeSignIn;
import gongkai.support.MovableClock;
import gongkai.support.PlatformTest;

/**
 * Sections, sources and their samples taken in through the API by the environment office's editor only, a bad file
 * refused whole with every bad cell named; a quarter's sections and counties and a month's sources read back against
 * figures worked by hand, on the API and on the public pages. Each test uses its own codes (TW…) and its own period.
 */
@PlatformTest
@Import(MovableClock.Config.class)
class WaterQualityDataTest {

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

    private int samples() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM water_sample", Integer.class)
                + jdbc.queryForObject("SELECT COUNT(*) FROM drinking_sample", Integer.class);
    }

    private void section(RequestPostProcessor editor, String code, String name, String region, String body)
            throws Exception {
        mvc.perform(post("/api/v1/environment/water/sections").with(editor).contentType("application/json")
                .content("{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"regionCode\":\"" + region
                        + "\",\"waterBody\":\"" + body + "\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.code").value(code));
    }

    private void source(RequestPostProcessor editor, String code, String name, String region, String kind)
            throws Exception {
        mvc.perform(post("/api/v1/environment/drinking-water/sources").with(editor).contentType("application/json")
                .content("{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"regionCode\":\"" + region
                        + "\",\"kind\":\"" + kind + "\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.kind").value(kind));
    }

    @Test
    void aQuartersSectionsAndCountiesAreClassedAsWorkedByHand() throws Exception {
        clock.setDate(LocalDate.of(2026, 4, 20));
        var editor = signIn.asNew("ycshbj", Role.EDITOR);
        section(editor, "TWQ-A1", "TW测试河一号断面", "360921", "river");
        section(editor, "TWQ-A2", "TW测试湖湖心", "360921", "lake");
        section(editor, "TWQ-B1", "TW测试河二号断面", "360922", "river");
        // A1 (river): means codmn 6 (III), nh3n 1.4 (IV), tp 0.2 (III), do 6.3 (II), pH 7.3; tn 2.5 only reported:
        // class IV, 轻度污染, 氨氮 (1.4 − 1.0) / 1.0 = 0.40.
        // A2 (lake): codmn 3 (II), nh3n 0.4 (II), tp 0.04 (lake III), tn 0.8 (lake III), do 8 (I): III, 良好.
        // B1: nh3n 2.5 (劣V, 1.50), cod 45 (劣V, 1.25), codmn 12 (V, 1.00), do 4 (IV): 劣V, the three in that order.
        String csv = "\uFEFFsampledOn,sectionCode,ph,do,codmn,cod,nh3n,tp,tn\n"
                + "2026-01-15,TWQ-A1,7.2,6.5,5,,1.2,0.15,2.5\n"
                + "2026-02-15,TWQ-A1,7.4,6.1,7,,1.6,0.25,\n"
                + "2026-03-10,TWQ-A2,7.0,8,3,,0.4,0.04,0.8\n"
                + "2026-02-01,TWQ-B1,7,4,12,45,2.5,,\n";
        mvc.perform(post("/api/v1/environment/water/samples").with(editor).contentType("text/csv").content(csv))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.imported").value(4));

        mvc.perform(get("/api/v1/environment/water/quarters/2026-Q1")).andExpect(status().isOk())
                .andExpect(jsonPath("$.period").value("2026-Q1"))
                .andExpect(jsonPath("$.sections.length()").value(3))
                .andExpect(jsonPath("$.sections[0].sectionCode").value("TWQ-A1"))
                .andExpect(jsonPath("$.sections[0].waterClass").value("IV"))
                .andExpect(jsonPath("$.sections[0].status").value("轻度污染"))
                .andExpect(jsonPath("$.sections[0].samples").value(2))
                .andExpect(jsonPath("$.sections[0].mainPollutants.length()").value(1))
                .andExpect(jsonPath("$.sections[0].mainPollutants[0].item").value("nh3n"))
                .andExpect(jsonPath("$.sections[0].mainPollutants[0].name").value("氨氮"))
                .andExpect(jsonPath("$.sections[0].mainPollutants[0].exceedance").value(0.40))
                .andExpect(jsonPath("$.sections[1].waterClass").value("III"))
                .andExpect(jsonPath("$.sections[1].status").value("良好"))
                .andExpect(jsonPath("$.sections[1].mainPollutants.length()").value(0))
                .andExpect(jsonPath("$.sections[2].waterClass").value("劣V"))
                .andExpect(jsonPath("$.sections[2].status").value("重度污染"))
                .andExpect(jsonPath("$.sections[2].mainPollutants[0].item").value("nh3n"))
                .andExpect(jsonPath("$.sections[2].mainPollutants[0].exceedance").value(1.50))
                .andExpect(jsonPath("$.sections[2].mainPollutants[1].item").value("cod"))
                .andExpect(jsonPath("$.sections[2].mainPollutants[1].exceedance").value(1.25))
                .andExpect(jsonPath("$.sections[2].mainPollutants[2].item").value("codmn"))
                .andExpect(jsonPath("$.sections[2].mainPollutants[2].exceedance").value(1.00))
                // 奉新县, two sections averaged (river column): do 7.15 (II), codmn 4.5, nh3n 0.9, tp 0.12 (III): III.
                .andExpect(jsonPath("$.counties[0].regionCode").value("360921"))
                .andExpect(jsonPath("$.counties[0].name").value("奉新县"))
                .andExpect(jsonPath("$.counties[0].method").value("AVERAGED"))
                .andExpect(jsonPath("$.counties[0].sections").value(2))
                .andExpect(jsonPath("$.counties[0].waterClass").value("III"))
                .andExpect(jsonPath("$.counties[0].status").value("良好"))
                .andExpect(jsonPath("$.counties[0].goodShare").value(50.0))
                .andExpect(jsonPath("$.counties[1].status").value("重度污染"));

        mvc.perform(get("/environment/water/2026-Q1")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<th scope=\"row\">TW测试河一号断面</th>")))
                .andExpect(content().string(containsString("氨氮(0.40)")))
                .andExpect(content().string(containsString("氨氮(1.50)、化学需氧量(1.25)、高锰酸盐指数(1.00)")))
                .andExpect(content().string(containsString("<span class=\"tag\" title=\"劣于Ⅴ类\">劣Ⅴ类</span>")))
                .andExpect(content().string(containsString("环办〔2011〕22号")))
                .andExpect(content().string(containsString("href=\"/environment/water/2025-Q4\"")))
                .andExpect(content().string(containsString("href=\"/environment/water/2026-Q2\"")))
                .andExpect(content().string(not(containsString("href=\"/environment/water/2026-Q3\""))));
        mvc.perform(get("/environment/water")).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/environment/water/2026-Q1\"")));
        mvc.perform(get("/environment/water/2026-Q5")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("季度应写作2026-Q3这样的形式，而不是“2026-Q5”。")));
        mvc.perform(get("/api/v1/environment/water/quarters/2026-13")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("季度应写作2026-Q3这样的形式")));
        mvc.perform(get("/catalog/en-surface-water")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<a id=\"computed-page\" href=\"/environment/water\">")));
        mvc.perform(get("/catalog/en-drinking-water")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<a id=\"computed-page\" href=\"/environment/drinking-water\">")));
    }

    @Test
    void aSampleOfTheSameSectionAndDayReplacesTheStoredOneAndAFileMayComeAsMultipart() throws Exception {
        clock.setDate(LocalDate.of(2025, 10, 20));
        var editor = signIn.asNew("ycshbj", Role.EDITOR);
        section(editor, "TWR-1", "TW更正测试断面", "360923", "river");
        mvc.perform(multipart("/api/v1/environment/water/samples").file(new MockMultipartFile("file", "s.csv",
                "text/csv", "sampledOn,sectionCode,nh3n\n2025-08-01,TWR-1,1.8\n".getBytes(StandardCharsets.UTF_8)))
                .with(editor)).andExpect(status().isCreated()).andExpect(jsonPath("$.imported").value(1));
        mvc.perform(get("/api/v1/environment/water/quarters/2025-Q3"))
                .andExpect(jsonPath("$.sections[?(@.sectionCode=='TWR-1')].waterClass").value("V"));
        int before = samples();
        mvc.perform(post("/api/v1/environment/water/samples").with(editor).contentType("text/csv")
                .content("sampledOn,sectionCode,nh3n,codmn\n2025-08-01,TWR-1,0.4,3\n")).andExpect(status().isCreated());
        assertThat(samples()).isEqualTo(before);
        mvc.perform(get("/api/v1/environment/water/quarters/2025-Q3"))
                .andExpect(jsonPath("$.sections[?(@.sectionCode=='TWR-1')].waterClass").value("II"))
                .andExpect(jsonPath("$.sections[?(@.sectionCode=='TWR-1')].samples").value(1));
    }

    @Test
    void aBadFileIsRefusedWholeWithEveryBadCellNamed() throws Exception {
        clock.setDate(LocalDate.of(2026, 4, 20));
        var editor = signIn.asNew("ycshbj", Role.EDITOR);
        section(editor, "TWE-1", "TW错误测试断面", "360924", "river");
        String csv = "sampledOn,sectionCode,ph,nh3n,tp\n"
                + "2024-03-01,TWE-1,7.1,0.5,0.1\n"
                + "2024-03-02,TW-XX,7.1,0.5,0.1\n"
                + "2026-05-01,TWE-1,7.1,0.5,0.1\n"
                + "2024-03-03,TWE-1,7.1,abc,0.1\n"
                + "2024-03-04,TWE-1,7.1,-0.5,0.1\n"
                + "2024-03-05,TWE-1,15,0.5,0.1\n"
                + "2024-03-06,TWE-1,7.1,50000,0.1\n"
                + "2024-03-01,TWE-1,7.2,0.6,0.1\n"
                + "2024-3-7,TWE-1,7.2,0.6,0.1\n"
                + "2024-03-08,TWE-1,,,\n";
        int before = samples();
        mvc.perform(post("/api/v1/environment/water/samples").with(editor).contentType("text/csv").content(csv))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("第3行 sectionCode：“TW-XX”不是已登记的监测断面代码。")))
                .andExpect(content().string(containsString("第4行 sampledOn：2026-05-01是将来的日期。")))
                .andExpect(content().string(containsString("第5行 nh3n（氨氮）：“abc”不是数字。")))
                .andExpect(content().string(containsString("第6行 nh3n（氨氮）：浓度应在0至10000 mg/L之间，而不是“-0.5”。")))
                .andExpect(content().string(containsString("第7行 ph（pH）：pH应在0至14之间，而不是“15”。")))
                .andExpect(content().string(containsString("第8行 nh3n（氨氮）：浓度应在0至10000 mg/L之间，而不是“50000”。")))
                .andExpect(content().string(containsString("第9行：TWE-1 2024-03-01的样品与第2行重复。")))
                .andExpect(content().string(containsString("第10行 sampledOn：应为2026-03-01这样的日期，而不是“2024-3-7”。")))
                .andExpect(content().string(containsString("第11行：没有任何监测项目的数值。")));
        // A river's row of reference items only (总氮, 粪大肠菌群) could give its section no class.
        mvc.perform(post("/api/v1/environment/water/samples").with(editor).contentType("text/csv")
                .content("sampledOn,sectionCode,tn,fecalColiform\n2024-03-01,TWE-1,1.2,3000\n"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString(
                        "第2行：没有可评价的监测项目（水温、粪大肠菌群和河流的总氮只作参考）。")));
        mvc.perform(post("/api/v1/environment/water/samples").with(editor).contentType("text/csv")
                .content("sampledOn,sectionCode,nh3n,foo,fe\n2024-03-01,TWE-1,0.5,1,0.1\n"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("表头中的“foo”不是可识别的列（地表水只收GB 3838-2002表1的基本项目）。")))
                .andExpect(content().string(containsString("表头中的“fe”不是可识别的列")));
        mvc.perform(post("/api/v1/environment/water/samples").with(editor).contentType("text/csv")
                .content("date,sectionCode,nh3n\n2024-03-01,TWE-1,0.5\n"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("缺少“sampledOn”")));
        mvc.perform(post("/api/v1/environment/drinking-water/samples").with(editor).contentType("text/csv")
                .content("sampledOn,sourceCode,volume,fe\n2024-03-01,TWE-NONE,-3,0.1\n"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("第2行 sourceCode：“TWE-NONE”不是已登记的饮用水水源地代码。")))
                .andExpect(content().string(containsString("第2行 volume：取水量（万吨）应在0至100000之间")));
        assertThat(samples()).isEqualTo(before);

        // Sections: a clear message per field, a code once only; only the environment office's editors.
        mvc.perform(post("/api/v1/environment/water/sections").with(editor).contentType("application/json")
                .content("{\"code\":\"TWE-1\",\"name\":\"\",\"regionCode\":\"999999\",\"waterBody\":\"sea\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("code：断面代码“TWE-1”已经登记。")))
                .andExpect(content().string(containsString("name：名称不能为空")))
                .andExpect(content().string(containsString("regionCode：“999999”不是本市或所辖县（市、区）、功能区的区划代码。")))
                .andExpect(content().string(containsString("waterBody：水体类型应为 river（河流）或 lake（湖库），而不是“sea”。")));
        mvc.perform(post("/api/v1/environment/water/sections").with(signIn.asNew("ycsmzj", Role.EDITOR))
                .contentType("application/json")
                .content("{\"code\":\"TWE-2\",\"name\":\"x\",\"regionCode\":\"360924\",\"waterBody\":\"river\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/environment/water/samples").contentType("text/csv")
                .content("sampledOn,sectionCode,nh3n\n2024-03-01,TWE-1,0.5\n")).andExpect(status().isUnauthorized());
        assertThat(samples()).isEqualTo(before);
    }

    @Test
    void aMonthsSourcesComplyOrNotAndTheRatesGoByCountAndByVolume() throws Exception {
        clock.setDate(LocalDate.of(2026, 4, 20));
        var editor = signIn.asNew("ycshbj", Role.EDITOR);
        source(editor, "TWD-1", "TW测试河水源地", "360921", "river");
        source(editor, "TWD-2", "TW测试水库水源地", "360922", "lake");
        source(editor, "TWD-3", "TW测试地下水水源地", "360921", "groundwater");
        // D1: nh3n mean 0.6 (III), tp 0.1 (II), fe 0.2, mn 0.05: complies, class III.
        // D2 (lake): tp 0.08 over the lake class III 0.05 by 0.60, fe 0.45 over 0.3 by 0.50: does not, class IV.
        // D3: no GB/T 14848 limit configured, not judged.
        // By count 1 of 2 = 50.0 %; by volume 300 of 400 万吨 = 75.0 %.
        String csv = "sampledOn,sourceCode,volume,ph,nh3n,tp,fe,mn\n"
                + "2026-03-05,TWD-1,300,7.2,0.5,0.1,0.2,0.05\n"
                + "2026-03-05,TWD-2,100,7.0,0.4,0.08,0.45,0.05\n"
                + "2026-03-20,TWD-1,300,7.4,0.7,0.1,0.2,0.05\n"
                + "2026-03-05,TWD-3,50,7.1,0.1,,0.1,\n";
        mvc.perform(post("/api/v1/environment/drinking-water/samples").with(editor).contentType("text/csv")
                .content(csv)).andExpect(status().isCreated()).andExpect(jsonPath("$.imported").value(4));
        mvc.perform(get("/api/v1/environment/drinking-water/2026-03")).andExpect(status().isOk())
                .andExpect(jsonPath("$.month").value("2026-03"))
                .andExpect(jsonPath("$.sources.length()").value(3))
                .andExpect(jsonPath("$.sources[0].sourceCode").value("TWD-1"))
                .andExpect(jsonPath("$.sources[0].compliant").value(true))
                .andExpect(jsonPath("$.sources[0].waterClass").value("III"))
                .andExpect(jsonPath("$.sources[0].samples").value(2))
                .andExpect(jsonPath("$.sources[1].sourceCode").value("TWD-3"))
                .andExpect(jsonPath("$.sources[1].judged").value(false))
                .andExpect(jsonPath("$.sources[2].sourceCode").value("TWD-2"))
                .andExpect(jsonPath("$.sources[2].compliant").value(false))
                .andExpect(jsonPath("$.sources[2].waterClass").value("IV"))
                .andExpect(jsonPath("$.sources[2].overLimit[0].item").value("tp"))
                .andExpect(jsonPath("$.sources[2].overLimit[0].exceedance").value(0.60))
                .andExpect(jsonPath("$.sources[2].overLimit[1].item").value("fe"))
                .andExpect(jsonPath("$.sources[2].overLimit[1].name").value("铁"))
                .andExpect(jsonPath("$.sources[2].overLimit[1].exceedance").value(0.50))
                .andExpect(jsonPath("$.complianceByCount").value(50.0))
                .andExpect(jsonPath("$.complianceByVolume").value(75.0));
        mvc.perform(get("/environment/drinking-water/2026-03")).andExpect(status().isOk())
                .andExpect(content().string(containsString("按水源地个数计达标率<strong>50.0%</strong>")))
                .andExpect(content().string(containsString("按取水量计达标率<strong>75.0%</strong>")))
                .andExpect(content().string(containsString("<strong>不达标</strong>")))
                .andExpect(content().string(containsString("总磷(0.60)、铁(0.50)")))
                .andExpect(content().string(containsString("无可评价项目")));
        mvc.perform(get("/environment/drinking-water")).andExpect(status().isOk());
        mvc.perform(get("/environment/drinking-water/2026-3")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("月份应写作2026-03，而不是“2026-3”。")));
        mvc.perform(get("/api/v1/environment/drinking-water/March")).andExpect(status().isBadRequest());
    }
}
