package gongkai.shared;

/** A thing named in a path or a request does not exist. Rendered as 404 with the Chinese detail. */
public class NotFoundProblem extends RuntimeException {
    public NotFoundProblem(String detail) {
        super(detail);
    }
}
