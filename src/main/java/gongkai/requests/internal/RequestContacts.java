package gongkai.requests.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import gongkai.requests.DeliveryForm;
import gongkai.shared.CaseContacts;

/** The applicant's contacts for push notices, as they gave them. */
@Component
class RequestContacts implements CaseContacts {

    static final String TYPE = "request";

    private final RequestStore store;

    RequestContacts(RequestStore store) {
        this.store = store;
    }

    @Override
    public String caseType() {
        return TYPE;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Contact> contactForNotice(String trackingNo) {
        return store.find(trackingNo).map(r -> new Contact(blank(r.applicant().email()), blank(r.applicant().phone()),
                r.getPreferredForm() == DeliveryForm.EMAIL));
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
