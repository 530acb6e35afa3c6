package gongkai.publishing.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Structured rows are stored as a JSON array of objects (field name → value), in the schema's field order. */
@Component
public class RowsJson {

    private static final TypeReference<List<LinkedHashMap<String, String>>> ROWS = new TypeReference<>() {
    };

    private final JsonMapper json;

    RowsJson(JsonMapper json) {
        this.json = json;
    }

    public String write(List<? extends Map<String, String>> rows) {
        return json.writeValueAsString(rows == null ? List.of() : rows);
    }

    public List<Map<String, String>> read(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return List.copyOf(json.readValue(text, ROWS));
    }

    public String writeValue(Object value) {
        return json.writeValueAsString(value);
    }

    public <T> T readValue(String text, TypeReference<T> type) {
        return json.readValue(text, type);
    }
}
