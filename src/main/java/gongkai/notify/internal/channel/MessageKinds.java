package gongkai.notify.internal.channel;

import java.util.List;

/** The kinds of message, as keys for SMS and WeChat templates and the webhook's {@code event} field. */
public final class MessageKinds {

    /** Confirm a new subscription: fields {@code url} (link channels) or {@code code} (SMS). */
    public static final String CONFIRM = "subscription.confirm";
    /** A record published, revised or withdrawn: fields title, org, date, url (and reason on withdrawal). */
    public static final String RECORD_PUBLISHED = "record.published";
    public static final String RECORD_REVISED = "record.revised";
    public static final String RECORD_WITHDRAWN = "record.withdrawn";
    /** A targeted record, to residents of its region by SMS: fields title, org, region, code, url. */
    public static final String TARGETED = "record.targeted";
    /** A warning in force: fields headline, level, areas, url. */
    public static final String WARNING = "warning";
    /** A step of an information request or complaint: fields trackingNo, step, url. */
    public static final String REQUEST_STEP = "request.step";
    public static final String COMPLAINT_STEP = "complaint.step";
    /** The daily digest: fields count, url. */
    public static final String DIGEST = "digest";

    public static final List<String> ALL = List.of(CONFIRM, RECORD_PUBLISHED, RECORD_REVISED, RECORD_WITHDRAWN,
            TARGETED, WARNING, REQUEST_STEP, COMPLAINT_STEP, DIGEST);

    private MessageKinds() {
    }
}
