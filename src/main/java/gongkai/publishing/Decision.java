package gongkai.publishing;

/** A reviewer's or approver's decision. */
public enum Decision {
    PASS,
    REJECT
}
