package gongkai.requests;

/**
 * What an applicant asks (the body of {@code POST /api/v1/requests}, the fields of the public form). Everything is
 * checked at once by {@link InformationRequests}, and every bad field is named in one answer.
 *
 * @param org              code of the organisation asked (受理机关)
 * @param applicantType    an {@link ApplicantKind} code: {@code NATURAL_PERSON} or the kind of organisation
 * @param name             the person's name or the organisation's name
 * @param idType           an {@link IdType} code for a person; an organisation is always identified by
 *                         {@code CREDIT_CODE}
 * @param idNumber         the document's number, or the unified social credit code
 * @param contactName      for an organisation, the person to contact; optional
 * @param phone            联系电话
 * @param email            电子邮箱; required for delivery by e-mail
 * @param address          通信地址; required for delivery by post
 * @param description      所需政府信息的名称、文号或者便于查询的其他特征描述
 * @param purpose          用途; optional
 * @param preferredForm    a {@link DeliveryForm} code
 * @param suggestProactive the applicant suggests the information be disclosed proactively (art. 44)
 */
public record NewRequest(String org, String applicantType, String name, String idType, String idNumber,
        String contactName, String phone, String email, String address, String description, String purpose,
        String preferredForm, Boolean suggestProactive) {
}
