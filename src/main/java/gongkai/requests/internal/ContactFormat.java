package gongkai.requests.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import gongkai.shared.ContactFormats;

/** A telephone number or e-mail address in the form {@link ContactFormats} accepts; null is left to other rules. */
@Documented
@Constraint(validatedBy = ContactFormat.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ContactFormat {

    Kind value();

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    enum Kind {
        PHONE, EMAIL
    }

    class Check implements ConstraintValidator<ContactFormat, String> {

        private Kind kind;

        @Override
        public void initialize(ContactFormat annotation) {
            kind = annotation.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || (kind == Kind.PHONE ? ContactFormats.isPhone(value) : ContactFormats.isEmail(value));
        }
    }
}
