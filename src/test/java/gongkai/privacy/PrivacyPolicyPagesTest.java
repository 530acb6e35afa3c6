package gongkai.privacy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import gongkai.catalog.Catalog;
import gongkai.catalog.CatalogField;
import gongkai.shared.Role;
import gongkai.support.BackOfficeSignIn;
import gongkai.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The privacy rules page in the back office, its JSON twin, and the catalogue's personal fields. */
@PlatformTest
class PrivacyPolicyPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    BackOfficeSignIn signIn;
    @Autowired
    Catalog catalog;

    @Test
    void theAdminReadsTheRulesInTheBackOffice() throws Exception {
        mvc.perform(get("/admin/privacy").with(signIn.as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("后台管理")))
                .andExpect(content().string(containsString("<h1>隐私保护规则</h1>")))
                .andExpect(content().string(containsString("href=\"/admin/privacy\"")))
                .andExpect(content().string(containsString("（身份证号码不予公开）")))
                .andExpect(content().string(containsString("张*丰")))
                .andExpect(content().string(containsString("139****1234")))
                .andExpect(content().string(containsString("国办发〔2017〕47号")));
    }

    @Test
    void anEditorReadsThemTooAndStrangersAreSentToSignIn() throws Exception {
        mvc.perform(get("/admin/privacy").with(signIn.asNew("ycsmzj", Role.EDITOR))).andExpect(status().isOk());
        mvc.perform(get("/admin/privacy")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/login"));
    }

    @Test
    void theApiShowsTheSameRulesToEveryone() throws Exception {
        mvc.perform(get("/api/v1/privacy/policy")).andExpect(status().isOk())
                .andExpect(jsonPath("$.detected", hasSize(PersonalDataKind.values().length)))
                .andExpect(jsonPath("$.detected[0].kind").value("ID_NUMBER"))
                .andExpect(jsonPath("$.detected[0].label").value("居民身份证号码"))
                .andExpect(jsonPath("$.rules", hasSize(MaskingPolicy.rules().size())))
                .andExpect(jsonPath("$.rules[0].what").value("居民身份证号码"))
                .andExpect(jsonPath("$.rules[0].after").value("（身份证号码不予公开）"))
                .andExpect(jsonPath("$.rules[2].before").value("张三丰"))
                .andExpect(jsonPath("$.rules[2].after").value("张*丰"));
    }

    @Test
    void everyPersonalFieldOfTheCatalogueIsMaskedAndNoOtherIs() {
        var fields = catalog.items().stream().flatMap(i -> i.fields().stream()).toList();
        var personal = fields.stream().filter(CatalogField::personal).toList();
        assertThat(personal).extracting(CatalogField::name).contains("户主姓名", "帮扶对象", "姓名");
        assertThat(personal).allSatisfy(f -> assertThat(Masking.maskField(f, "王小明")).isEqualTo("王*明"));
        assertThat(fields).filteredOn(f -> !f.personal())
                .allSatisfy(f -> assertThat(Masking.maskField(f, "13907951234")).isEqualTo("13907951234"));
    }
}
