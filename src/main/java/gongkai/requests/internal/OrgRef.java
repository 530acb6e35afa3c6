package gongkai.requests.internal;

/** An organisation as an answer names it. */
public record OrgRef(String code, String name) {
}
