package gongkai.feedback.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import gongkai.feedback.Complaints;
import gongkai.shared.CaseContacts;

/** The complainant's phone for push notices; none for an anonymous complaint. */
@Component
class ComplaintContacts implements CaseContacts {

    private final Complaints complaints;

    ComplaintContacts(Complaints complaints) {
        this.complaints = complaints;
    }

    @Override
    public String caseType() {
        return Complaints.CASE_TYPE;
    }

    @Override
    public Optional<Contact> contactForNotice(String trackingNo) {
        return complaints.contactForNotice(trackingNo).map(c -> new Contact(null, c.phone(), false));
    }
}
