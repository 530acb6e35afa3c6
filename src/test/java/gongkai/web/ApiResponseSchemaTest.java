package gongkai.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import gongkai.support.JsonSnapshots;
import gongkai.support.PlatformTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * {@code /v3/api-docs} describes what every JSON operation answers: its success response refers to a named schema
 * (a response record), or is an array of one, never a bare object or map, so that the contract is readable by people
 * and by generated clients.
 */
@PlatformTest
class ApiResponseSchemaTest {

    /** Genuine dictionaries, whose keys are data rather than field names, with the reason. */
    private static final Map<String, String> DICTIONARIES = Map.of(
            "GET /api/v1/catalog/subject-classes", "subject class (主题分类) -> its subclasses, as the national scheme "
                    + "lists them");

    @Autowired
    MockMvc mvc;

    @Test
    void everyJsonOperationAnswersWithANamedSchema() throws Exception {
        JsonNode docs = JsonSnapshots.parse(mvc.perform(get("/v3/api-docs")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        Set<String> untyped = new TreeSet<>();
        Set<String> typed = new TreeSet<>();
        docs.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String name = operation.getKey().toUpperCase() + " " + path.getKey();
            List<JsonNode> schemas = jsonSuccessSchemas(operation.getValue());
            if (schemas.isEmpty()) {
                return;
            }
            (schemas.stream().allMatch(ApiResponseSchemaTest::named) ? typed : untyped).add(name);
        }));

        Set<String> unexplained = new TreeSet<>(untyped);
        unexplained.removeAll(DICTIONARIES.keySet());
        assertThat(unexplained).as("JSON operations without a named response schema; the description: %s", docs)
                .isEmpty();

        Set<String> gone = new TreeSet<>(DICTIONARIES.keySet());
        gone.removeAll(untyped);
        gone.removeAll(typed);
        assertThat(gone).as("listed operations that the description no longer has").isEmpty();
    }

    /** The schemas of the operation's 2xx answers in JSON (springdoc says {@code *}{@code /*} unless told). */
    private static List<JsonNode> jsonSuccessSchemas(JsonNode operation) {
        List<JsonNode> schemas = new ArrayList<>();
        operation.path("responses").properties().forEach(response -> {
            if (!response.getKey().startsWith("2")) {
                return;
            }
            response.getValue().path("content").properties().forEach(content -> {
                String type = content.getKey();
                JsonNode schema = content.getValue().path("schema");
                boolean json = type.contains("json") || type.equals("*/*");
                // A byte[] answer (the PDF letters) is a file, not JSON, whatever springdoc calls its media type.
                boolean binary = Set.of("binary", "byte").contains(schema.path("format").asString(""));
                if (json && !binary) {
                    schemas.add(schema);
                }
            });
        });
        return schemas;
    }

    private static boolean named(JsonNode schema) {
        JsonNode target = "array".equals(schema.path("type").asString("")) ? schema.path("items") : schema;
        return target.has("$ref");
    }
}
