package gongkai.requests;

import java.util.Locale;

import gongkai.privacy.Masking;

/**
 * 申请人: a natural person with an identity document, or a legal person or other organisation with its unified social
 * credit code; with contact details. Full details are for the handling organisation's staff; the applicant's own view
 * shows them masked, in case the query code has been passed on.
 *
 * @param contactName for an organisation, the person to contact (联系人); may be null
 */
public record Applicant(ApplicantKind kind, String name, IdType idType, String idNumber, String contactName,
        String phone, String email, String address) {

    /** Who the applicant is for counting requests per applicant: the document's type and number. */
    public String key() {
        return idType.name() + ":" + idNumber.toUpperCase(Locale.ROOT);
    }

    /** The details as the applicant's own page shows them: the document number and contacts masked. */
    public Applicant masked() {
        String number = idType == IdType.CREDIT_CODE ? idNumber
                : idNumber.length() <= 4 ? "*".repeat(idNumber.length())
                : "*".repeat(idNumber.length() - 4) + idNumber.substring(idNumber.length() - 4);
        return new Applicant(kind, name, idType, number, contactName, Masking.phone(phone),
                Masking.email(email), Masking.other(address));
    }
}
