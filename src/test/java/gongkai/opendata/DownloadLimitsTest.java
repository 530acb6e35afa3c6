package gongkai.opendata;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import gongkai.account.Accounts;
import gongkai.account.IssuedToken;
import gongkai.account.UserAccount;
import gongkai.shared.Actor;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.PlatformTest;
import gongkai.support.ThreeStepReview;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Anonymous bulk use is limited per client address; a script with an API token is not. Low limits, in a context of
 * their own (every MockMvc request comes from the same address).
 */
@PlatformTest
@TestPropertySource(properties = {"gongkai.opendata.anonymous-downloads-per-hour=3",
        "gongkai.opendata.anonymous-bulk-downloads-per-hour=1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DownloadLimitsTest {

    @RegisterExtension
    static final ThreeStepReview review = new ThreeStepReview();

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;

    private String token;

    @BeforeAll
    void publishAndIssueAToken() {
        DownloadTest.publishTricky(review);
        String user = Acting.newUser(accounts, DownloadTest.ORG, Role.EDITOR);
        UserAccount account = accounts.find(user).orElseThrow();
        token = Acting.as(new Actor(user, account.orgCode(), account.roles(), false),
                () -> accounts.issueToken("开放数据同步脚本", 30)).secret();
    }

    @Test
    void anonymousDownloadsAreLimitedAndATokenLiftsTheLimit() throws Exception {
        String all = "/data/" + DownloadTest.DATASET + "/download/all.csv";
        String etag = mvc.perform(get(all)).andExpect(status().isOk()).andReturn().getResponse()
                .getHeader(HttpHeaders.ETAG);
        // A 304 costs nothing and is not counted.
        mvc.perform(get(all).header(HttpHeaders.IF_NONE_MATCH, etag)).andExpect(status().isNotModified());
        mvc.perform(get("/data/" + DownloadTest.DATASET + "/download/2026.xlsx")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/datasets/" + DownloadTest.DATASET + "/download/2025.json"))
                .andExpect(status().isOk());
        mvc.perform(get(all)).andExpect(status().isTooManyRequests())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "3600"))
                .andExpect(content().string(containsString("每个地址每1小时最多 3 次")))
                .andExpect(content().string(containsString("API 令牌")));
        mvc.perform(get("/api/v1/datasets/" + DownloadTest.DATASET + "/download/all.csv"))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.detail").value(containsString("后再试")));
        // A wrong address is answered as such, not refused.
        mvc.perform(get("/data/" + DownloadTest.DATASET + "/download/1999.csv")).andExpect(status().isNotFound());

        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/v1/datasets/" + DownloadTest.DATASET + "/download/all.csv")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andExpect(status().isOk());
            // The token works on the address the catalogues name too.
            mvc.perform(get(all).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andExpect(status().isOk());
        }
        // A wrong token is refused, not taken for anonymous.
        mvc.perform(get(all).header(HttpHeaders.AUTHORIZATION, "Bearer gk_not-a-token"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void yearlyZipsHaveTheirOwnLowerLimit() throws Exception {
        mvc.perform(get("/data/bulk/2026.zip")).andExpect(status().isOk());
        mvc.perform(get("/data/bulk/2025.zip")).andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("年度批量下载过于频繁")));
        mvc.perform(get("/api/v1/datasets/bulk/2025.zip").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isOk());
        mvc.perform(get("/data/bulk/2025.zip").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isOk());
    }
}
