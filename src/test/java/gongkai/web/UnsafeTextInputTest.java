package gongkai.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import gongkai.support.PlatformTest;

/**
 * Text the platform cannot store or print (C0 controls other than tab and line breaks, unpaired surrogates, U+FFFE
 * and U+FFFF) is refused wherever it comes in — query, form field, JSON string or property at any depth, path,
 * header — with a 400 naming the field, before anything is changed. Multipart bodies: {@link BadRequestsOverHttpTest}.
 */
@PlatformTest
class UnsafeTextInputTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    private long requests() {
        return jdbc.queryForObject("select count(*) from info_request", Long.class);
    }

    @Test
    void aFormFieldWithAControlCharacterIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        long before = requests();
        mvc.perform(post("/requests/new").with(csrf()).param("org", "ycsmzj").param("applicantType", "NATURAL_PERSON")
                        .param("name", "李示例").param("idType", "RESIDENT_ID").param("idNumber", "360902198001010011")
                        .param("phone", "13907950001").param("description", "第一行\n第二行\t临时救助\u0007名单")
                        .param("preferredForm", "ONLINE").param("humanCheckToken", "x").param("humanCheckAnswer", "1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("“description”第13个字符是控制字符 U+0007")));
        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void aQueryParameterOrItsNameIsCheckedOnEveryPage() throws Exception {
        mvc.perform(get("/search").param("q", "低保\uDC00")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("“q”第3个字符是不成对的代理字符 U+DC00")));
        mvc.perform(get("/records").param("q\u0001", "低保")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("参数名")));
        mvc.perform(get("/search").param("q", "低保\t救助")).andExpect(status().isOk());
    }

    @Test
    void everyStringOfAJsonBodyIsCheckedAndNamedByItsPath() throws Exception {
        long before = requests();
        String body = """
                {"org":"ycsmzj","applicantType":"NATURAL_PERSON","name":"李示例","idType":"RESIDENT_ID",
                 "idNumber":"360902198001010011","phone":"13907950001","preferredForm":"ONLINE",
                 "description":"临时救助名单","extra":{"list":["好的","坏\\ud800的"]}}""";
        mvc.perform(post("/api/v1/requests").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("输入有误"))
                .andExpect(jsonPath("$.errors[0].field").value("extra.list[1]"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("不成对的代理字符 U+D800")));
        mvc.perform(post("/api/v1/requests").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"descr\\u0000iption\":\"临时救助名单\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("请求体"));
        mvc.perform(post("/api/v1/requests").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"description\":\"名单\\uffff\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("description"));
        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void aJsonBodyWithoutUnsafeTextReachesTheControllerUnchanged() throws Exception {
        // The body was read for the check; the controller still gets all of it (and here answers on its own terms).
        mvc.perform(post("/api/v1/requests").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"org\":\"nosuchorg\",\"description\":\"第一行\\n第二行😀\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'org')]").exists());
    }

    @Test
    void aJsonBodyIsReadForTheCheckOnlyUpToALimit() throws Exception {
        byte[] huge = new byte[16 * 1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        mvc.perform(post("/api/v1/requests").contentType(MediaType.APPLICATION_JSON).content(huge))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("请求体超过16MB，无法处理。"));
    }

    @Test
    void thePathAndTheHeadersAreChecked() throws Exception {
        mvc.perform(get(URI.create("/records/ycsmzj%2F2026%01-00001"))).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("“地址”")));
        mvc.perform(get("/api/v1/records").header("X-Client", "a\u0001b")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("请求头 X-Client"));
    }
}
