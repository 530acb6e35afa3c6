package gongkai.shared;

import java.util.Optional;

/**
 * Where the person behind a case is told of its progress: one implementation per case type, in the module that
 * keeps the case; read by push (module notify) only. See {@link CaseProgressed}.
 */
public interface CaseContacts {

    /** The case type this answers for ({@code request}, {@code complaint}). */
    String caseType();

    /** The contact as given; empty for an unknown number or a case with no contact (an anonymous complaint). */
    Optional<Contact> contactForNotice(String trackingNo);

    /**
     * Either contact may be null.
     *
     * @param emailPreferred whether the person asked to be answered by e-mail
     */
    record Contact(String email, String phone, boolean emailPreferred) {
    }
}
