package gongkai.web;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Under the {@code prod} profile the API description stays on, because the API is a public contract that every
 * page's footer points to; an office that does not want it sets {@code GONGKAI_API_DOCS=false}, and then the footer
 * no longer links to it (README, "Operations").
 */
class ApiDocsInProductionTest {

    @Nested
    @SpringBootTest
    @AutoConfigureMockMvc
    @ActiveProfiles({"test", "prod"})
    class ByDefault {

        @Autowired
        MockMvc mvc;

        @Test
        void theApiIsDescribedAndLinkedFromEveryPage() throws Exception {
            mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                    .andExpect(jsonPath("$.openapi").exists())
                    .andExpect(jsonPath("$.paths['/api/v1/records']").exists());
            mvc.perform(get("/")).andExpect(status().isOk())
                    .andExpect(content().string(containsString("href=\"/v3/api-docs\"")));
        }
    }

    @Nested
    @SpringBootTest(properties = "GONGKAI_API_DOCS=false")
    @AutoConfigureMockMvc
    @ActiveProfiles({"test", "prod"})
    class TurnedOff {

        @Autowired
        MockMvc mvc;

        @Test
        void theDescriptionIsGoneAndSoIsTheFooterLink() throws Exception {
            mvc.perform(get("/v3/api-docs")).andExpect(status().isNotFound());
            mvc.perform(get("/")).andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("/v3/api-docs"))))
                    .andExpect(content().string(containsString("href=\"/verify\"")));
        }
    }
}
