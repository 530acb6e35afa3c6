package gongkai.support;

import static gongkai.support.Acting.as;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import gongkai.publishing.Decision;
import gongkai.publishing.Drafting;
import gongkai.publishing.Publishing;
import gongkai.publishing.RecordInput;
import gongkai.publishing.Records;

/**
 * A record taken through 三审 the way staff do it — the editor writes and submits, the reviewer passes, the approver
 * approves — for tests of other modules that need published records. A JUnit extension for Spring tests:
 * {@code @RegisterExtension static final ThreeStepReview review = new ThreeStepReview();} takes the services from the
 * test's application context (also in {@code @BeforeAll} methods).
 */
public final class ThreeStepReview implements BeforeAllCallback, BeforeEachCallback {

    /** Given when a policy document goes out without an interpretation; ignored for other records. */
    private static final String NO_INTERPRETATION = "测试：不配解读";

    private Drafting drafting;
    private Publishing publishing;
    private Records records;

    /** For a test that starts its own application, e.g. on PostgreSQL. */
    public static ThreeStepReview in(ApplicationContext app) {
        ThreeStepReview review = new ThreeStepReview();
        review.take(app);
        return review;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        take(SpringExtension.getApplicationContext(context));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        take(SpringExtension.getApplicationContext(context));
    }

    private void take(ApplicationContext spring) {
        drafting = spring.getBean(Drafting.class);
        publishing = spring.getBean(Publishing.class);
        records = spring.getBean(Records.class);
    }

    /** Writes, reviews and publishes a record of the staff's office; returns its index number. */
    public String publish(Staff staff, RecordInput input) {
        String draft = draft(staff, input);
        pass(staff, draft);
        return as(staff.approver(), () -> records.view(draft, null)).indexNo();
    }

    /** Writes a draft and takes it through review, leaving it for the approver; returns its key. */
    public String reviewed(Staff staff, RecordInput input) {
        String draft = draft(staff, input);
        as(staff.editor(), () -> publishing.submit(draft));
        as(staff.reviewer(), () -> publishing.review(draft, Decision.PASS, ""));
        return draft;
    }

    /** Writes a draft as the office's editor; returns its key. */
    public String draft(Staff staff, RecordInput input) {
        return as(staff.editor(), () -> drafting.create(input));
    }

    /** Submits, passes review and approves a draft written by the office's editor. */
    public void pass(Staff staff, String draft) {
        as(staff.editor(), () -> publishing.submit(draft));
        as(staff.reviewer(), () -> publishing.review(draft, Decision.PASS, ""));
        approve(staff, draft);
    }

    /** The approver's step alone, for a draft already reviewed. */
    public void approve(Staff staff, String draft) {
        as(staff.approver(), () -> publishing.approve(draft, Decision.PASS, "", null, NO_INTERPRETATION));
    }
}
