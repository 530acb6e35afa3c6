package gongkai.requests;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import gongkai.requests.internal.ContactFormat;
import gongkai.requests.internal.ContactFormat.Kind;

/**
 * What an applicant asks (the body of {@code POST /api/v1/requests}, the fields of the public form). Texts arrive
 * stripped, a blank one as none; an unknown code of an enumeration arrives as none. The shape of each field is
 * annotated here; the rules that need another field or another module (the organisation exists, the identity number
 * fits its document, an address for the post) are checked with them, and every bad field is named in one answer.
 *
 * @param org              code of the organisation asked (受理机关)
 * @param applicantType    {@code NATURAL_PERSON} or the kind of organisation
 * @param name             the person's name or the organisation's name
 * @param idType           the document of a person; an organisation is always identified by {@code CREDIT_CODE}
 * @param idNumber         the document's number, or the unified social credit code
 * @param contactName      for an organisation, the person to contact; optional
 * @param phone            联系电话
 * @param email            电子邮箱; required for delivery by e-mail
 * @param address          通信地址; required for delivery by post
 * @param description      所需政府信息的名称、文号或者便于查询的其他特征描述
 * @param purpose          用途; optional
 * @param preferredForm    how the applicant wants the information
 * @param suggestProactive the applicant suggests the information be disclosed proactively (art. 44)
 */
public record NewRequest(
        @NotNull(message = "请选择受理机关。") String org,
        @NotNull(message = "请选择申请人类型：自然人，或法人或其他组织（商业企业、科研机构、社会公益组织、法律服务机构、其他）。")
        ApplicantKind applicantType,
        String name,
        IdType idType,
        String idNumber,
        @Size(max = NewRequest.MAX_NAME, message = "联系人姓名不能超过" + NewRequest.MAX_NAME + "个字。") String contactName,
        @NotNull(message = "请填写联系电话。")
        @ContactFormat(value = Kind.PHONE, message = "联系电话格式不正确，请填写11位手机号码或带区号的固定电话（如0795-3201234）。")
        String phone,
        @ContactFormat(value = Kind.EMAIL, message = "电子邮箱格式不正确，应形如 name@example.com。") String email,
        @Size(max = NewRequest.MAX_ADDRESS, message = "通信地址不能超过" + NewRequest.MAX_ADDRESS + "个字。") String address,
        @NotNull(message = "请描述所需的政府信息（名称、文号或者便于查询的其他特征）。")
        @Size(min = NewRequest.MIN_DESCRIPTION, message = "所需信息的描述过短，请写明信息的名称、文号或者便于查询的其他特征。")
        @Size(max = NewRequest.MAX_DESCRIPTION, message = "所需信息的描述不能超过" + NewRequest.MAX_DESCRIPTION + "个字。")
        String description,
        @Size(max = NewRequest.MAX_PURPOSE, message = "用途说明不能超过" + NewRequest.MAX_PURPOSE + "个字。") String purpose,
        @NotNull(message = "请选择获取信息的方式：网上获取、电子邮件、邮寄或当面领取。") DeliveryForm preferredForm,
        Boolean suggestProactive) {

    public static final int MAX_NAME = 100;
    public static final int MIN_DESCRIPTION = 5;
    public static final int MAX_DESCRIPTION = 4000;
    public static final int MAX_PURPOSE = 1000;
    public static final int MAX_ADDRESS = 500;

    public NewRequest {
        org = stripped(org);
        name = stripped(name);
        idNumber = stripped(idNumber);
        contactName = stripped(contactName);
        phone = stripped(phone);
        email = stripped(email);
        address = stripped(address);
        description = stripped(description);
        purpose = stripped(purpose);
    }

    private static String stripped(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
