package gongkai.assessment;

import gongkai.shared.Codes;
import gongkai.shared.InvalidInputProblem;

/** Where an obligation stands (API.md: ON_TIME, LATE, MISSING, NOT_DUE, EXEMPT). */
public enum ObligationStatus {
    /** Published by its due date. */
    ON_TIME("按时公开"),
    /** Published after its due date; the obligation says by how many working days. */
    LATE("逾期公开"),
    /** Past its due date and nothing published. */
    MISSING("逾期未公开"),
    /** Not yet due and not yet published. */
    NOT_DUE("未到期"),
    /** Exempted by an approver, with a reason the public reads. */
    EXEMPT("免予公开");

    private final String label;

    ObligationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The status a filter asks for ({@code ?status=}): null when none is asked, refused naming the field when the
     * code is none of them. The page and the API read it alike.
     */
    public static ObligationStatus filter(String code) {
        ObligationStatus s = Codes.parse(ObligationStatus.class, code);
        if (s == null && code != null && !code.isBlank()) {
            throw new InvalidInputProblem("status", "状态只能是 ON_TIME、LATE、MISSING、NOT_DUE 或 EXEMPT，而不是“" + code + "”。");
        }
        return s;
    }

    /** Whether the status counts against the body: due and not, or not on time. */
    public boolean failing() {
        return this == LATE || this == MISSING;
    }
}
