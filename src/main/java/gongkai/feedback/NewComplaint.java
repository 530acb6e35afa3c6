package gongkai.feedback;

/**
 * A complaint or report as it arrives (form, API, or staff entering a letter or call).
 *
 * @param org         the body complained about; blank for none (the city office handles it)
 * @param category    one of {@link ComplaintCategory}'s codes
 * @param name        the complainant's name; optional, ignored when anonymous
 * @param phone       mainland mobile or landline; optional, ignored when anonymous
 * @param anonymous   a report without name or contact, followed with the tracking number and code only
 */
public record NewComplaint(String org, String category, String subject, String description, String name,
        String phone, boolean anonymous) {
}
