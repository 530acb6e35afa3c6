package gongkai.environment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import gongkai.account.Accounts;
import gongkai.account.NewUser;
import gongkai.environment.PollutionSources;
import gongkai.org.Organisations;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.BackOfficeSignIn;
import gongkai.support.MovableClock;
import gongkai.support.PlatformTest;

/**
 * An enterprise's people over HTTP: created by the bureau with EDITOR only, kept to their own uploads in the back
 * office and the API, and their results on the public pages and the API with exceedances in words.
 */
@PlatformTest
@Import(MovableClock.Config.class)
class PollutionPagesTest {

    private static final String OWN = "91360902MA0PLAC01L";
    private static final String OTHER = "91360902MA0PLAC02P";
    private static final Actor BUREAU = new Actor("ppt-bureau", "ycshbj", EnumSet.of(Role.EDITOR), false);

    @Autowired
    MockMvc mvc;
    @Autowired
    BackOfficeSignIn signIn;
    @Autowired
    PollutionSources sources;
    @Autowired
    Accounts accounts;
    @Autowired
    Organisations organisations;
    @Autowired
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String enterpriseWithUser(String credit, String name, String username) {
        Acting.as(BUREAU, () -> {
            sources.register(new PollutionSources.NewEnterprise(credit, name, "360902", "化学原料和化学制品制造业"));
            sources.defineOutlet(credit, new PollutionSources.NewOutlet("DW001", "废水总排放口", "WASTEWATER", "DAILY",
                    "2026-05-01", "化学需氧量,80,mg/L\npH值,6-9,无量纲"));
            sources.addUser(credit, username, "测试排污单位信息员", Acting.PASSWORD);
        });
        return username;
    }

    @Test
    void anEnterprisesUserUploadsTheirOwnResultsAndNothingElse() throws Exception {
        clock.setDate(LocalDate.of(2026, 5, 20));
        String user = enterpriseWithUser(OWN, "测试戊化工有限公司（页面测试）", "ppt-own");
        enterpriseWithUser(OTHER, "测试己化工有限公司（页面测试）", "ppt-other");
        RequestPostProcessor me = signIn.as(user);

        // The start page sends them to their own page; the navigation offers nothing else of the back office.
        mvc.perform(get("/admin").with(me)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/pollution"));
        mvc.perform(get("/admin/pollution").with(me)).andExpect(redirectedUrl("/admin/pollution/" + OWN));
        mvc.perform(get("/admin/pollution/" + OWN).with(me)).andExpect(status().isOk())
                .andExpect(content().string(containsString("上传监测结果")))
                .andExpect(content().string(containsString("本单位监测数据")))
                .andExpect(content().string(not(containsString("/admin/records"))))
                .andExpect(content().string(not(containsString("创建本单位用户"))));
        // Every other back-office area, and the other enterprise, are refused.
        for (String path : new String[] { "/admin/records", "/admin/requests", "/admin/users", "/admin/orgs",
                "/admin/catalog", "/admin/obligations", "/admin/annual-reports", "/admin/pollution/new",
                "/admin/pollution/" + OTHER }) {
            mvc.perform(get(path).with(me)).andExpect(status().isForbidden());
        }
        mvc.perform(post("/api/v1/records").with(me).contentType("application/json").content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/environment/pollution-sources/" + OTHER + "/results").with(me)
                .contentType("text/csv").content("outlet,pollutant,value,measuredAt\nDW001,化学需氧量,10,2026-05-02\n"))
                .andExpect(status().isForbidden());

        // Their upload through the page: a bad file changes nothing and names the row; a good one is stored.
        mvc.perform(multipart("/admin/pollution/" + OWN + "/results").file(new MockMultipartFile("file", "r.csv",
                "text/csv", "outlet,pollutant,value,measuredAt\nDW001,氨氮,1,2026-05-02 08:00\n".getBytes(StandardCharsets.UTF_8)))
                .with(me).with(csrf())).andExpect(redirectedUrl("/admin/pollution/" + OWN))
                .andExpect(flash().attributeExists("problem"));
        mvc.perform(multipart("/admin/pollution/" + OWN + "/results").file(new MockMultipartFile("file", "r.csv",
                "text/csv", ("outlet,pollutant,value,measuredAt\nDW001,化学需氧量,100,2026-05-02 08:00\n"
                        + "DW001,pH值,7.2,2026-05-02 08:00\n").getBytes(StandardCharsets.UTF_8)))
                .with(me).with(csrf())).andExpect(flash().attribute("notice", "已上传2条监测结果。"));
        // And through the API, as JSON rows.
        mvc.perform(post("/api/v1/environment/pollution-sources/" + OWN + "/results").with(me)
                .contentType("application/json")
                .content("[{\"outlet\":\"DW001\",\"pollutant\":\"化学需氧量\",\"value\":\"30\",\"measuredAt\":\"2026-05-03 08:00\"}]"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.imported").value(1));

        // The public pages: the list by county, the enterprise with its results, the exceedance in words.
        mvc.perform(get("/environment/pollution-sources")).andExpect(status().isOk())
                .andExpect(content().string(containsString("测试戊化工有限公司（页面测试）")))
                .andExpect(content().string(containsString("<h2>袁州区</h2>")))
                .andExpect(content().string(containsString("最近一次监测达标")));
        mvc.perform(get("/environment/pollution-sources/" + OWN)).andExpect(status().isOk())
                .andExpect(content().string(containsString("废水总排放口")))
                .andExpect(content().string(containsString("化学需氧量 ≤80 mg/L；pH值 6～9 无量纲")))
                .andExpect(content().string(containsString("超标 0.25倍")))
                .andExpect(content().string(containsString("2026-05-03 08:00")));
        mvc.perform(get("/environment/pollution-sources/91360902MA0PLNX01U")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/environment/pollution-sources")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.creditCode == '" + OWN + "')].exceedancesLast12Months").value(1));
        mvc.perform(get("/api/v1/environment/pollution-sources/" + OWN + "/results").param("from", "2026-05-02")
                .param("to", "2026-05-02")).andExpect(status().isOk())
                .andExpect(jsonPath("$.results.length()").value(2))
                .andExpect(jsonPath("$.results[?(@.pollutant == '化学需氧量')].exceedanceMultiple").value(0.25));
        mvc.perform(get("/api/v1/environment/pollution-sources/" + OWN + "/results").param("from", "2026-13-01"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/catalog/en-pollution-source")).andExpect(status().isOk()).andExpect(content().string(
                containsString("<a id=\"computed-page\" href=\"/environment/pollution-sources\">")));
        // An enterprise is no government body: not in the directory, its organisation page is its results.
        String orgCode = sources.get(OWN).orgCode();
        assertThat(organisations.all()).noneMatch(o -> o.code().equals(orgCode));
        mvc.perform(get("/orgs/" + orgCode)).andExpect(redirectedUrl("/environment/pollution-sources/" + OWN));

        // The bureau sees the enterprise and its exceedance.
        mvc.perform(get("/admin/pollution").with(signIn.asNew("ycshbj", Role.EDITOR))).andExpect(status().isOk())
                .andExpect(content().string(containsString("近30天超标")))
                .andExpect(content().string(containsString("测试戊化工有限公司（页面测试）")));
        mvc.perform(get("/admin/pollution").with(signIn.asNew("ycsmzj", Role.EDITOR))).andExpect(status().isForbidden());
        var bureau = signIn.asNew("ycshbj", Role.APPROVER);
        mvc.perform(get("/admin/pollution/" + OWN).with(bureau)).andExpect(status().isOk())
                .andExpect(content().string(containsString("创建本单位用户")));
        mvc.perform(post("/admin/pollution/new").with(bureau).with(csrf()).param("creditCode", "91360902MA0PLAC01X")
                .param("name", "测试").param("region", "360902").param("industry", "化工")).andExpect(status().isOk())
                .andExpect(content().string(containsString("统一社会信用代码不正确（应为18位，末位校验码须符合GB 32100）。")));
        mvc.perform(post("/admin/pollution/new").with(signIn.asNew("ycsmzj", Role.APPROVER)).with(csrf())
                .param("creditCode", "91360902MA0PLNX01U").param("name", "测试").param("region", "360902")
                .param("industry", "化工")).andExpect(status().isForbidden());
    }

    @Test
    void anEnterprisesUsersAreEditorsOnlyAndMadeByTheBureauOrTheCityAdmin() {
        String credit = "91360902MA0PLPG019";
        Acting.as(BUREAU, () -> sources.register(new PollutionSources.NewEnterprise(credit, "测试庚有限公司（页面测试）",
                "360902", "印染")));
        String org = sources.get(credit).orgCode();
        assertThatThrownBy(() -> Acting.as(Acting.cityAdmin(), () -> accounts.create(new NewUser("ppt-admin-try",
                Acting.PASSWORD, "某人", org, EnumSet.of(Role.ADMIN)))))
                .isInstanceOf(InvalidInputProblem.class).hasMessageContaining("只能是信息员");
        assertThatThrownBy(() -> Acting.as(Acting.actor("ycsmzj", Role.ADMIN), () -> accounts.create(new NewUser(
                "ppt-other-admin", Acting.PASSWORD, "某人", org, EnumSet.of(Role.EDITOR)))))
                .isInstanceOf(AccessDeniedProblem.class);
        Acting.as(Acting.cityAdmin(), () -> accounts.create(new NewUser("ppt-by-admin", Acting.PASSWORD, "某人", org,
                EnumSet.of(Role.EDITOR))));
        assertThat(accounts.find("ppt-by-admin")).isPresent();
    }

    @Test
    void theBureauRegistersAnEnterpriseAndItsOutletThroughTheApi() throws Exception {
        String credit = "91360902MA0PLAP013";
        var bureau = signIn.asNew("ycshbj", Role.EDITOR);
        mvc.perform(post("/api/v1/environment/pollution-sources").with(bureau).contentType("application/json")
                .content("{\"creditCode\":\"" + credit + "\",\"name\":\"测试壬有限公司（接口测试）\",\"region\":\"360902\","
                        + "\"industry\":\"皮革\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.creditCode").value(credit));
        mvc.perform(post("/api/v1/environment/pollution-sources").with(bureau).contentType("application/json")
                .content("{\"creditCode\":\"" + credit + "\",\"name\":\"重复\",\"region\":\"360902\",\"industry\":\"皮革\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("统一社会信用代码为“" + credit + "”的单位已登记。")));
        mvc.perform(post("/api/v1/environment/pollution-sources/" + credit + "/outlets").with(bureau)
                .contentType("application/json").content("{\"code\":\"DW001\",\"name\":\"总排口\",\"kind\":\"废水\","
                        + "\"frequency\":\"每月\",\"monitoredFrom\":\"2026-01-01\",\"pollutants\":\"六价铬,0.1,mg/L\\npH值,6-9,无量纲\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.pollutants").value("六价铬 ≤0.1 mg/L；pH值 6～9 无量纲"));
        mvc.perform(post("/api/v1/environment/pollution-sources/" + credit + "/outlets").with(bureau)
                .contentType("application/json").content("{\"code\":\"DW 1\",\"name\":\"\",\"kind\":\"废渣\","
                        + "\"frequency\":\"每周\",\"pollutants\":\"六价铬,-1,mg/L\\n氨氮\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("排放口类型应为废水或废气。")))
                .andExpect(content().string(containsString("监测频次应为每日、每月或每季度。")))
                .andExpect(content().string(containsString("监测项目第1行 限值：限值不能为负数。")))
                .andExpect(content().string(containsString("监测项目第2行：应写作“污染物,限值,单位”")));
        mvc.perform(post("/api/v1/environment/pollution-sources").with(signIn.asNew("ycsmzj", Role.EDITOR))
                .contentType("application/json").content("{\"creditCode\":\"91360902MA0PLNX01U\",\"name\":\"某\","
                        + "\"region\":\"360902\",\"industry\":\"皮革\"}"))
                .andExpect(status().isForbidden());
    }
}
