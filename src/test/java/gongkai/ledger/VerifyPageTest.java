package gongkai.ledger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import gongkai.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The /verify page and its script are open to anyone, explain themselves without script, and take ?record=. */
@PlatformTest
class VerifyPageTest {

    @Autowired
    MockMvc mvc;

    @Test
    void anyoneOpensTheVerifyPageWithTheRecordFilledIn() throws Exception {
        String html = mvc.perform(get("/verify").param("record", " ycsjyj/2026-00001 ")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("<h1>核验公开信息</h1>", "id=\"record\"", "value=\"ycsjyj/2026-00001\"",
                "type=\"file\"", "data-api=\"/api/v1\"", "<noscript>",
                "命令行核验工具", "java GongkaiVerify.java <span>http://localhost:8080</span> <span>ycsjyj/2026-00001</span>");
        // The script under the name of its content (WebConfiguration), so a browser keeps it until it changes.
        assertThat(html).containsPattern("<script src=\"/js/verify-[0-9a-f]{32}\\.js\" defer>");
    }

    @Test
    void withoutARecordTheFormIsEmpty() throws Exception {
        String html = mvc.perform(get("/verify")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(html).contains("value=\"\"", "<span>索引号</span>");
        String tooLong = "x".repeat(301);
        assertThat(mvc.perform(get("/verify").param("record", tooLong)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).doesNotContain(tooLong);
    }

    @Test
    void theScriptIsServedToAnyone() throws Exception {
        String js = mvc.perform(get("/js/verify.js")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(js).contains("Ed25519", "RFC 9162");
    }

    @Test
    void theCommandLineVerifierIsOfferedForDownload() throws Exception {
        String html = mvc.perform(get("/verify")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(html).contains("href=\"/verifier/GongkaiVerify.java\"");
        String source = mvc.perform(get("/verifier/GongkaiVerify.java")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(source).isEqualTo(java.nio.file.Files.readString(java.nio.file.Path.of("verifier",
                "GongkaiVerify.java")));
    }
}
