package gongkai.shared;

/** The actor may not do this (wrong role or another organisation's business). Rendered as 403. */
public class AccessDeniedProblem extends RuntimeException {
    public AccessDeniedProblem(String detail) {
        super(detail);
    }
}
