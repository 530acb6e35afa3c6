package gongkai.opendata.internal.ckan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parameters of one action call, read as CKAN's {@code _get_request_data} reads them: form fields, else the URL's
 * parameters, else a JSON object in the body. A parameter given twice is a list. The typed readers check a value the
 * way CKAN's validators do and answer a {@code Validation Error} naming the parameter, in Chinese.
 */
final class CkanParams {

    private final Map<String, Object> values;

    CkanParams(Map<String, Object> values) {
        this.values = values;
    }

    /** From request parameters (form or URL), each name with all its values. */
    static CkanParams of(Map<String, String[]> parameters) {
        Map<String, Object> out = new LinkedHashMap<>();
        parameters.forEach((k, v) -> out.put(k, v.length == 1 ? v[0] : List.of(v)));
        return new CkanParams(out);
    }

    /** From a JSON body, which must be an object. */
    static CkanParams ofJson(String body, JsonMapper json) {
        Object parsed;
        try {
            parsed = json.readValue(body, Object.class);
        } catch (JacksonException e) {
            throw CkanError.badRequest("JSON Error: Error decoding JSON data（请求体不是合法的 JSON）: "
                    + e.getOriginalMessage());
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw CkanError.badRequest("JSON Error: Request data JSON decoded to " + parsed
                    + " but it needs to be a dictionary（请求体须是 JSON 对象）.");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return new CkanParams(out);
    }

    boolean has(String name) {
        Object v = values.get(name);
        return v != null && !(v instanceof String s && s.isBlank());
    }

    /** A text parameter; null when absent. */
    String text(String name) {
        Object v = values.get(name);
        if (v == null) {
            return null;
        }
        if (v instanceof Map<?, ?> || v instanceof Collection<?>) {
            throw CkanError.invalid(name, "参数 " + name + " 只能有一个文字值。");
        }
        return String.valueOf(v);
    }

    /** A required text parameter, as CKAN's {@code get_or_bust}: "Missing value". */
    String required(String name, String what) {
        String v = text(name);
        if (v == null || v.isBlank()) {
            throw CkanError.invalid(name, "缺少参数 " + name + "（" + what + "）。");
        }
        return v.strip();
    }

    /** A natural number (CKAN's {@code natural_number_validator}), or the default when absent. */
    Integer natural(String name, Integer otherwise) {
        Integer n = integer(name, otherwise);
        if (n != null && n < 0) {
            throw CkanError.invalid(name, "参数 " + name + " 须为不小于 0 的整数，收到的是 " + n + "。");
        }
        return n;
    }

    /** An integer that may be negative (CKAN's {@code int_validator}). */
    Integer integer(String name, Integer otherwise) {
        Object v = values.get(name);
        if (v == null || v instanceof String s && s.isBlank()) {
            return otherwise;
        }
        if (v instanceof Number number && !(v instanceof Double || v instanceof Float)) {
            return number.intValue();
        }
        if (v instanceof String s && s.strip().matches("[+-]?\\d{1,9}")) {
            return Integer.parseInt(s.strip());
        }
        throw CkanError.invalid(name, "参数 " + name + " 须为整数，收到的是“" + v + "”。");
    }

    /** A flag as CKAN's {@code asbool} reads it: true/false, yes/no, on/off, 1/0. */
    boolean flag(String name, boolean otherwise) {
        Object v = values.get(name);
        if (v == null || v instanceof String s && s.isBlank()) {
            return otherwise;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        String s = String.valueOf(v).strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "yes", "on", "y", "t", "1" -> true;
            case "false", "no", "off", "n", "f", "0" -> false;
            default -> throw CkanError.invalid(name, "参数 " + name + " 须为 true 或 false，收到的是“" + v + "”。");
        };
    }

    /**
     * A list of texts: a JSON list, or a text holding one ({@code convert_to_json_if_string}), or, where CKAN splits
     * on commas ({@code aslist}), a comma-separated text; null when absent.
     */
    List<String> list(String name, JsonMapper json, boolean commas) {
        Object v = values.get(name);
        if (v == null || v instanceof String s && s.isBlank()) {
            return null;
        }
        if (v instanceof String s) {
            String t = s.strip();
            if (t.startsWith("[")) {
                try {
                    v = json.readValue(t, Object.class);
                } catch (JacksonException e) {
                    throw CkanError.invalid(name, "参数 " + name + " 不是合法的 JSON 列表：" + t);
                }
            } else if (commas) {
                List<String> out = new ArrayList<>();
                for (String one : t.split(",")) {
                    if (!one.isBlank()) {
                        out.add(one.strip());
                    }
                }
                return out;
            } else {
                return List.of(t);
            }
        }
        if (v instanceof Collection<?> c) {
            List<String> out = new ArrayList<>();
            for (Object o : c) {
                if (!(o instanceof String s)) {
                    throw CkanError.invalid(name, "参数 " + name + " 须为文字的列表。");
                }
                out.add(s.strip());
            }
            return out;
        }
        throw CkanError.invalid(name, "参数 " + name + " 须为文字的列表。");
    }
}
