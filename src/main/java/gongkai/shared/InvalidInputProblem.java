package gongkai.shared;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Input that breaks a rule the edge validation could not see (a duplicate name, an unknown code).
 * Rendered as 400 problem details listing each field; nothing has been changed when it is thrown.
 */
public class InvalidInputProblem extends RuntimeException {

    /** One complaint about one field. */
    public record FieldError(String field, String message) implements Serializable {
    }

    /**
     * What a page shows of a problem: its message and each field's complaint, and nothing else. This, not the
     * exception, is what a controller flashes across a redirect: flash attributes live in the session, which is
     * stored in the database and so must be serializable, and an exception drags its stack trace along.
     */
    public record Report(String message, List<FieldError> errors) implements Serializable {
        public Report {
            errors = List.copyOf(errors);
        }
    }

    private final List<FieldError> errors;

    public InvalidInputProblem(List<FieldError> errors) {
        super(errors.isEmpty() ? "输入有误。" : errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public InvalidInputProblem(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public static InvalidInputProblem of(Map<String, String> fieldMessages) {
        return new InvalidInputProblem(fieldMessages.entrySet().stream()
                .map(e -> new FieldError(e.getKey(), e.getValue())).toList());
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The problem as a page shows it; flash this rather than the exception. */
    public Report report() {
        return new Report(getMessage(), errors);
    }
}
