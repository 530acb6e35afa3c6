package gongkai.assessment;

import java.time.LocalDate;
import java.util.List;

/**
 * A supervision check (督查) as the auditor records it: the body checked, the day, what it covered
 * ({@link CheckScope} codes) and its findings — none for a clean check.
 */
public record NewCheck(String org, LocalDate checkedOn, List<String> scope, List<Finding> findings) {

    public NewCheck {
        scope = scope == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(scope));
        findings = findings == null ? List.of()
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(findings));
    }

    /**
     * One finding: the problem, optionally the catalogue item ({@code item}, its code) or the record ({@code record},
     * its index number) it is about, and the day by which the body must rectify it.
     */
    public record Finding(String problem, String item, String record, LocalDate deadline) {

        /** A form row left empty, which the back office ignores. */
        public boolean blank() {
            return isBlank(problem) && isBlank(item) && isBlank(record) && deadline == null;
        }

        private static boolean isBlank(String s) {
            return s == null || s.isBlank();
        }
    }
}
