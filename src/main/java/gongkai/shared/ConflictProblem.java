package gongkai.shared;

/** The request is valid but does not fit the current state (e.g. approving a record not yet reviewed). 409. */
public class ConflictProblem extends RuntimeException {
    public ConflictProblem(String detail) {
        super(detail);
    }
}
