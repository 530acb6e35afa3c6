package gongkai.requests.internal;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;

import org.springframework.web.bind.WebDataBinder;

import gongkai.requests.ApplicantKind;
import gongkai.requests.DeliveryForm;
import gongkai.requests.IdType;

/**
 * The codes of a {@link gongkai.requests.NewRequest} as forms post them: an unknown one binds as none, as in JSON, so
 * that the application check names the field in Chinese instead of the binder refusing the whole form.
 */
final class FormCodes {

    private FormCodes() {
    }

    static void register(WebDataBinder binder) {
        binder.registerCustomEditor(ApplicantKind.class, lenient(ApplicantKind::parse));
        binder.registerCustomEditor(IdType.class, lenient(IdType::parse));
        binder.registerCustomEditor(DeliveryForm.class, lenient(DeliveryForm::parse));
    }

    private static PropertyEditorSupport lenient(Function<String, ?> parse) {
        return new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(parse.apply(text));
            }
        };
    }
}
