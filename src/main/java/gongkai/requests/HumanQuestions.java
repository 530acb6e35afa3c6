package gongkai.requests;

import org.springframework.stereotype.Component;

import gongkai.requests.internal.HumanCheck;

/**
 * The public request form's human check, offered to other modules' public forms (e.g. comments on an EIA notice) so
 * that every form of the site asks the same question and spends its token the same way.
 */
@Component
public class HumanQuestions {

    private final HumanCheck check;

    HumanQuestions(HumanCheck check) {
        this.check = check;
    }

    /** A question with its signed token, to put in a form. */
    public record Question(String question, String token) {
    }

    public Question issue() {
        HumanCheck.Challenge c = check.issue();
        return new Question(c.question(), c.token());
    }

    /**
     * Checks the answer and spends the token.
     *
     * @throws gongkai.shared.InvalidInputProblem (field {@code humanCheck}) when refused
     */
    public void verify(String token, String answer) {
        check.verify(token, answer);
    }
}
