package gongkai.opendata.internal.ckan;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

import gongkai.opendata.internal.ckan.CkanAnswers.Failure;
import gongkai.opendata.internal.ckan.CkanAnswers.Success;
import gongkai.shared.PublicAddress;

/**
 * {@code GET} and {@code POST /api/3/action/{action}} (and {@code /api/action/{action}}): CKAN's Action API ({@code ckan/views/api.py}) for the read-only
 * actions of {@link CkanActions}, with its envelope, its statuses and its error shapes, so that CKAN clients and
 * harvesters work unchanged. Every action only reads, so anyone may call it either way.
 */
@RestController
class CkanActionController {

    private static final Logger log = LoggerFactory.getLogger(CkanActionController.class);
    private static final String JSON_UTF8 = "application/json;charset=utf-8";

    private final CkanActions actions;
    private final PublicAddress address;
    private final JsonMapper json;

    CkanActionController(CkanActions actions, PublicAddress address, JsonMapper json) {
        this.actions = actions;
        this.address = address;
        this.json = json;
    }

    /** CKAN answers version 3 unversioned too, and ckanapi calls it so ({@code api/action/}). */
    @RequestMapping(path = {"/api/3/action/{action}", "/api/action/{action}"},
            method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<byte[]> action(@PathVariable String action, HttpServletRequest request) throws IOException {
        if (!CkanActions.HELP.containsKey(action)) {
            // CKAN itself answers a bare JSON string here; we answer its error envelope with the same message, so a
            // client can read every failure the same way (ckanapi raises the same CKANAPIError for both).
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("__type", "Bad Request");
            error.put("message", "Bad request - Action name not known: " + action
                    + "（没有这个操作；支持的操作：" + String.join("、", CkanActions.HELP.keySet()) + "）");
            return answer(HttpStatus.BAD_REQUEST, new Failure(address.link("/api/3/action/help_show?name=help_show"),
                    false, error));
        }
        String help = address.link("/api/3/action/help_show?name=" + URLEncoder.encode(action, StandardCharsets.UTF_8));
        try {
            Object result = actions.run(action, params(request));
            return answer(HttpStatus.OK, new Success(help, true, result));
        } catch (CkanError e) {
            if (e.error() == null) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("__type", "Bad Request");
                error.put("message", e.getMessage());
                return answer(e.status(), new Failure(help, false, error));
            }
            return answer(e.status(), new Failure(help, false, e.error()));
        } catch (RuntimeException e) {
            log.error("CKAN action {} failed", action, e);
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("__type", "Internal Server Error");
            error.put("message", "Internal Server Error（服务器内部错误）");
            return answer(HttpStatus.INTERNAL_SERVER_ERROR, new Failure(help, false, error));
        }
    }

    /**
     * The call's parameters in CKAN's order ({@code _get_request_data}): a form body; else the URL's parameters; else a
     * JSON object in the body. A form whose only field is a JSON object with an empty value (what a client that posts
     * JSON without a content type sends) is that JSON object.
     */
    private CkanParams params(HttpServletRequest request) throws IOException {
        if (!"POST".equals(request.getMethod())) {
            return CkanParams.of(request.getParameterMap());
        }
        String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        if (type.startsWith("multipart/")) {
            throw CkanError.badRequest("JSON Error: 不支持 multipart 请求，请用 JSON 或表单提交参数。");
        }
        if (type.startsWith("application/x-www-form-urlencoded")) {
            // A filter before us may have read the form already (asking for a parameter): then it is parsed.
            Map<String, String[]> fields = body.isBlank() ? request.getParameterMap() : form(body);
            if (fields.size() == 1) {
                Map.Entry<String, String[]> only = fields.entrySet().iterator().next();
                String v = only.getValue().length == 1 ? only.getValue()[0] : null;
                if (only.getKey().strip().startsWith("{") && ("".equals(v) || "1".equals(v))) {
                    return CkanParams.ofJson(only.getKey(), json);
                }
            }
            if (body.strip().startsWith("{")) {
                return CkanParams.ofJson(body, json);
            }
            if (!fields.isEmpty()) {
                return CkanParams.of(fields);
            }
        }
        if (request.getQueryString() != null && !request.getQueryString().isBlank()) {
            return CkanParams.of(request.getParameterMap());
        }
        if (body.isBlank()) {
            return new CkanParams(Map.of());
        }
        return CkanParams.ofJson(body, json);
    }

    private static Map<String, String[]> form(String body) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.computeIfAbsent(k, x -> new java.util.ArrayList<>()).add(v);
        }
        Map<String, String[]> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v.toArray(String[]::new)));
        return out;
    }

    private ResponseEntity<byte[]> answer(HttpStatus status, Object body) {
        return ResponseEntity.status(status).header("Content-Type", JSON_UTF8).body(json.writeValueAsBytes(body));
    }
}
