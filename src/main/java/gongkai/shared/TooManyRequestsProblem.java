package gongkai.shared;

/** Too many attempts from one address; try again later. 429. */
public class TooManyRequestsProblem extends RuntimeException {
    public TooManyRequestsProblem(String detail) {
        super(detail);
    }
}
