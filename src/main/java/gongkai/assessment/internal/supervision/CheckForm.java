package gongkai.assessment.internal.supervision;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.util.MultiValueMap;

import gongkai.assessment.NewCheck;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.InvalidInputProblem.FieldError;

/**
 * The back office's form for a new check, as typed (dates as text, so that a bad one is shown back as it was): the
 * body, the day, the scope boxes ticked and the finding rows ({@code findings[i].problem} and so on), at least
 * {@link #ROWS} of them. Rows left empty are not findings.
 */
record CheckForm(String org, String checkedOn, List<String> scope, List<Row> rows) {

    static final int ROWS = 5;
    private static final int MAX_ROWS = 200;
    private static final Pattern ROW_FIELD = Pattern.compile("findings\\[(\\d+)]\\.(\\w+)");
    private static final Pattern SERVICE_ROW = Pattern.compile("findings\\[(\\d+)](.*)");

    record Row(String problem, String item, String record, String deadline) {
        boolean blank() {
            return isBlank(problem) && isBlank(item) && isBlank(record) && isBlank(deadline);
        }
    }

    static CheckForm empty(String org, LocalDate today) {
        return new CheckForm(org, today.toString(), List.of(), padded(new ArrayList<>()));
    }

    /** A new check begun from 公开情况: one finding about an item already written, timeliness ticked. */
    static CheckForm about(String org, String item, String problem, LocalDate today) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(problem, item, null, null));
        return new CheckForm(org, today.toString(), List.of("TIMELINESS"), padded(rows));
    }

    static CheckForm read(MultiValueMap<String, String> params) {
        int highest = -1;
        for (String name : params.keySet()) {
            Matcher m = ROW_FIELD.matcher(name);
            if (m.matches() && m.group(1).length() < 4) {
                highest = Math.max(highest, Math.min(Integer.parseInt(m.group(1)), MAX_ROWS - 1));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i <= highest; i++) {
            String at = "findings[" + i + "].";
            rows.add(new Row(params.getFirst(at + "problem"), params.getFirst(at + "item"),
                    params.getFirst(at + "record"), params.getFirst(at + "deadline")));
        }
        List<String> scope = params.getOrDefault("scope", List.of());
        return new CheckForm(params.getFirst("org"), params.getFirst("checkedOn"), scope, padded(rows));
    }

    /**
     * The check the form describes, its rows that are not blank in order.
     *
     * @throws InvalidInputProblem naming the date fields that are not dates, in the form's own numbering
     */
    NewCheck toCheck() {
        List<FieldError> errors = new ArrayList<>();
        LocalDate on = date(checkedOn, "checkedOn", "督查日期", errors);
        List<NewCheck.Finding> findings = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (!r.blank()) {
                findings.add(new NewCheck.Finding(r.problem(), r.item(), r.record(),
                        date(r.deadline(), "findings[" + i + "].deadline", "第" + (i + 1) + "行的整改期限", errors)));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        return new NewCheck(org, on, scope, findings);
    }

    /** The service's field names ({@code findings[k]}, the k-th row not blank) turned back into the form's rows. */
    Map<String, String> rowErrors(InvalidInputProblem problem) {
        List<Integer> filled = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).blank()) {
                filled.add(i);
            }
        }
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError e : problem.errors()) {
            Matcher m = SERVICE_ROW.matcher(e.field());
            String field = m.matches() && Integer.parseInt(m.group(1)) < filled.size()
                    ? "findings[" + filled.get(Integer.parseInt(m.group(1))) + "]" + m.group(2) : e.field();
            errors.merge(field, e.message(), (a, b) -> a + " " + b);
        }
        return errors;
    }

    /** Errors whose fields are the form's own, as {@link #toCheck()} names them. */
    static Map<String, String> byField(InvalidInputProblem problem) {
        Map<String, String> errors = new LinkedHashMap<>();
        problem.errors().forEach(e -> errors.merge(e.field(), e.message(), (a, b) -> a + " " + b));
        return errors;
    }

    private static LocalDate date(String text, String field, String name, List<FieldError> errors) {
        if (isBlank(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, name + "应为日期，例如 2026-11-27。"));
            return null;
        }
    }

    private static List<Row> padded(List<Row> rows) {
        while (rows.size() < ROWS) {
            rows.add(new Row(null, null, null, null));
        }
        return rows;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
