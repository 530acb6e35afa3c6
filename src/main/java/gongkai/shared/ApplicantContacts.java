package gongkai.shared;

import java.util.Optional;

/**
 * Where an information request's applicant is told of its progress: implemented by module requests, read by push
 * (module notify) only. See {@link RequestProgressed} for why it lives here.
 */
public interface ApplicantContacts {

    /** The applicant's e-mail and phone as given; empty for an unknown number. */
    Optional<Contact> contactForNotice(String trackingNo);

    /**
     * Either contact may be null.
     *
     * @param emailPreferred whether the applicant asked for the information by e-mail
     */
    record Contact(String email, String phone, boolean emailPreferred) {
    }
}
