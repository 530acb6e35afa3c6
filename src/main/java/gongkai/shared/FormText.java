package gongkai.shared;

import java.util.List;

import gongkai.shared.InvalidInputProblem.FieldError;

/**
 * A required free text as forms and the API take it: stripped, present, within its length, and free of characters
 * that cannot be stored or shown. Problems are added to the caller's list, so one answer names every field at once.
 */
public final class FormText {

    private FormText() {
    }

    /** The text stripped, or null when blank; a problem is added for a blank, too long or unsafe text. */
    public static String required(List<FieldError> errors, String field, String label, String value, int max) {
        String v = value == null || value.isBlank() ? null : value.strip();
        if (v == null) {
            errors.add(new FieldError(field, "请填写" + label + "。"));
            return null;
        }
        if (v.length() > max) {
            errors.add(new FieldError(field, label + "不能超过" + max + "个字，现为" + v.length() + "个字。"));
        }
        FieldError unsafe = UnsafeCharacters.complaint(field, v);
        if (unsafe != null) {
            errors.add(unsafe);
        }
        return v;
    }
}
