package gongkai.opendata.internal.ckan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A CKAN action that cannot answer, with the status and error object CKAN's {@code ckan/views/api.py} gives: a
 * {@code Not Found Error} (404) with a message, a {@code Validation Error} (409) keyed by the parameters at fault, or
 * a bad request (400), whose body is a bare JSON string and no envelope.
 */
final class CkanError extends RuntimeException {

    private final HttpStatus status;
    private final Map<String, Object> error;

    private CkanError(HttpStatus status, String message, Map<String, Object> error) {
        super(message);
        this.status = status;
        this.error = error;
    }

    /** CKAN's {@code NotFound}: the message is CKAN's "Not found: %s", in Chinese. */
    static CkanError notFound(String detail) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("__type", "Not Found Error");
        e.put("message", "未找到：" + detail);
        return new CkanError(HttpStatus.NOT_FOUND, detail, e);
    }

    /** CKAN's {@code ValidationError}: each parameter at fault with its messages, beside {@code __type}. */
    static CkanError invalid(String parameter, String message) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put(parameter, List.of(message));
        e.put("__type", "Validation Error");
        return new CkanError(HttpStatus.CONFLICT, parameter + ": " + message, e);
    }

    /** CKAN's bad request: the answer is the JSON string "Bad request - ..." alone. */
    static CkanError badRequest(String detail) {
        return new CkanError(HttpStatus.BAD_REQUEST, "Bad request - " + detail, null);
    }

    HttpStatus status() {
        return status;
    }

    /** The error object of the envelope; null for a bad request, which has no envelope. */
    Map<String, Object> error() {
        return error;
    }
}
