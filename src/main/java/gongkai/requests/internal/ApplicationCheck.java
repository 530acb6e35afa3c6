package gongkai.requests.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

import gongkai.org.Organisations;
import gongkai.privacy.PersonalDataGuard;
import gongkai.requests.Applicant;
import gongkai.requests.ApplicantKind;
import gongkai.requests.DeliveryForm;
import gongkai.requests.IdType;
import gongkai.requests.NewRequest;
import gongkai.requests.ReceiptChannel;
import gongkai.requests.Receipt;
import gongkai.shared.ContactFormats;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.InvalidInputProblem.FieldError;

/**
 * Checks an application as art. 29 of the regulation asks for it — who (name and identity document, a resident ID
 * number by its GB 11643 check character, a credit code by its GB 32100 one), how to reach them, what information,
 * in what form — and names every bad field at once, in Chinese, in the order of the form. The shape of each field is
 * the Bean Validation annotated on {@link NewRequest}; here they are applied together with the rules that need another
 * field or another module. Every edge (API, public form, staff entry) goes through this one check; nothing is stored
 * unless all is well.
 */
@Component
public class ApplicationCheck {

    /** The fields in the order of the form, which is the order their errors are named in. */
    private static final List<String> FIELDS = List.of("org", "applicantType", "name", "idType", "idNumber",
            "contactName", "phone", "preferredForm", "email", "address", "description", "purpose");

    private final Organisations organisations;
    private final PersonalDataGuard guard;
    private final Validator validator;

    ApplicationCheck(Organisations organisations, PersonalDataGuard guard, Validator validator) {
        this.organisations = organisations;
        this.guard = guard;
        this.validator = validator;
    }

    /** A checked application. */
    public record Application(String org, Applicant applicant, String description, String purpose,
            DeliveryForm preferredForm, boolean suggestProactive) {
    }

    /** The dates of a staff entry by art. 31. */
    public record ReceiptDates(ReceiptChannel channel, LocalDate arrivedOn, LocalDate receivedOn) {
    }

    /**
     * @throws InvalidInputProblem listing every bad field
     */
    public Application check(NewRequest in) {
        List<FieldError> errors = new ArrayList<>();
        Application application = check(in, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        return application;
    }

    /** An application staff entered, with the dates of its receipt. */
    public record Entered(Application application, ReceiptDates receipt) {
    }

    /** An application entered by staff with how and when it was received; every bad field of both is named. */
    public Entered check(NewRequest in, Receipt receipt, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        Application application = check(in, errors);
        ReceiptDates dates = receipt(receipt, today, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        return new Entered(application, dates);
    }

    private Application check(NewRequest in, List<FieldError> errors) {
        List<FieldError> found = new ArrayList<>();
        validator.validate(in).forEach(v -> found.add(new FieldError(v.getPropertyPath().toString(), v.getMessage())));
        if (in.org() != null && !organisations.exists(in.org())) {
            found.add(new FieldError("org", "受理机关“" + in.org() + "”不存在，请从列表中选择。"));
        }
        ApplicantKind kind = in.applicantType();
        boolean person = kind == null || kind.isPerson();
        String name = in.name();
        if (name == null) {
            found.add(new FieldError("name", person ? "请填写申请人姓名。" : "请填写单位名称。"));
        } else if (name.length() > NewRequest.MAX_NAME) {
            found.add(new FieldError("name", (person ? "申请人姓名" : "单位名称") + "不能超过" + NewRequest.MAX_NAME + "个字。"));
        }
        IdType idType = idType(in.idType(), kind, found);
        String idNumber = in.idNumber() == null ? null : in.idNumber().replace(" ", "").toUpperCase(Locale.ROOT);
        if (idType != null) {
            checkIdNumber(idType, idNumber, found);
        } else if (idNumber == null) {
            found.add(new FieldError("idNumber", "请填写证件号码。"));
        }
        DeliveryForm form = in.preferredForm();
        if (in.email() == null && form == DeliveryForm.EMAIL) {
            found.add(new FieldError("email", "选择以电子邮件获取信息的，请填写电子邮箱。"));
        }
        if (in.address() == null && form == DeliveryForm.POST) {
            found.add(new FieldError("address", "选择邮寄的，请填写通信地址。"));
        }
        found.sort(Comparator.comparingInt(e -> FIELDS.indexOf(e.field())));
        errors.addAll(found);
        if (!errors.isEmpty()) {
            return null;
        }
        Applicant applicant = new Applicant(kind, name, idType, idNumber, in.contactName(), in.phone(), in.email(),
                in.address());
        return new Application(in.org(), applicant, in.description(), in.purpose(), form,
                Boolean.TRUE.equals(in.suggestProactive()));
    }

    /** An organisation always identifies itself by its credit code; a person by a document of their own. */
    private static IdType idType(IdType type, ApplicantKind kind, List<FieldError> errors) {
        if (kind != null && !kind.isPerson()) {
            return IdType.CREDIT_CODE;
        }
        if (type == null) {
            errors.add(new FieldError("idType", "请选择身份证件类型（居民身份证、护照、港澳居民来往内地通行证等）。"));
            return null;
        }
        if (type == IdType.CREDIT_CODE) {
            errors.add(new FieldError("idType", "自然人请选择身份证件类型；统一社会信用代码用于法人或其他组织。"));
            return null;
        }
        return type;
    }

    private void checkIdNumber(IdType type, String number, List<FieldError> errors) {
        if (number == null) {
            errors.add(new FieldError("idNumber", type == IdType.CREDIT_CODE ? "请填写统一社会信用代码。"
                    : "请填写" + type.label() + "号码。"));
            return;
        }
        switch (type) {
            case RESIDENT_ID -> {
                if (!guard.isResidentIdNumber(number)) {
                    errors.add(new FieldError("idNumber", "居民身份证号码不正确：应为18位（末位可为X），出生日期真实有效，"
                            + "且末位校验码符合GB 11643。"));
                }
            }
            case CREDIT_CODE -> {
                if (!ContactFormats.isCreditCode(number)) {
                    errors.add(new FieldError("idNumber", "统一社会信用代码不正确：应为18位，且末位校验码符合GB 32100。"));
                }
            }
            default -> {
                if (!number.matches("[A-Z0-9()（）-]{5,30}")) {
                    errors.add(new FieldError("idNumber", type.label() + "号码格式不正确：应为5至30位字母或数字。"));
                }
            }
        }
    }

    private static ReceiptDates receipt(Receipt receipt, LocalDate today, List<FieldError> errors) {
        ReceiptChannel channel = receipt == null ? null : ReceiptChannel.parse(receipt.channel());
        if (channel == null || !List.of(ReceiptChannel.staffEntered()).contains(channel)) {
            errors.add(new FieldError("channel", "请选择申请的提交方式：当面、口头、邮寄（需签收或平信）、传真或电子邮件。"));
            return null;
        }
        LocalDate arrived = receipt.arrivedOn();
        if (arrived == null) {
            errors.add(new FieldError("arrivedOn", "请填写" + channel.arrivalLabel() + "。"));
            return null;
        }
        if (arrived.isAfter(today)) {
            errors.add(new FieldError("arrivedOn", channel.arrivalLabel() + "不能晚于今天。"));
            return null;
        }
        if (!channel.needsConfirmation()) {
            return new ReceiptDates(channel, arrived, arrived);
        }
        LocalDate confirmed = receipt.confirmedOn();
        if (confirmed == null) {
            errors.add(new FieldError("confirmedOn", channel.label() + "须与申请人确认，以确认之日为收到申请之日（条例第三十一条）：请填写确认日期。"));
        } else if (confirmed.isBefore(arrived) || confirmed.isAfter(today)) {
            errors.add(new FieldError("confirmedOn", "确认日期应在" + channel.arrivalLabel() + "与今天之间。"));
        } else {
            return new ReceiptDates(channel, arrived, confirmed);
        }
        return null;
    }
}
