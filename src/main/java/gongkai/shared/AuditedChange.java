package gongkai.shared;

/**
 * Published by any module whenever a user changes something. The account module records it in the audit trail
 * with who, when and from where, inside the same transaction as the change.
 *
 * @param action     what was done, e.g. {@code org.amend}
 * @param targetType the kind of thing changed, e.g. {@code organisation}
 * @param targetId   its stable identifier
 * @param detail     a short account of the change (old → new values), in Chinese where a person reads it
 */
public record AuditedChange(String action, String targetType, String targetId, String detail) {
}
