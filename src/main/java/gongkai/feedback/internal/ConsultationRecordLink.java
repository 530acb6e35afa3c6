package gongkai.feedback.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import gongkai.feedback.Consultation;
import gongkai.feedback.Consultations;

/**
 * The consultation a record's page names ({@code consultationOfRecord}) when the record is the final policy of a
 * consultation. An advice rather than a call from publishing, which may not depend on feedback; attaching the final
 * policy drops the record's cached page.
 */
@ControllerAdvice(annotations = Controller.class)
class ConsultationRecordLink {

    private static final String PREFIX = "/records/";

    private final Consultations consultations;

    ConsultationRecordLink(Consultations consultations) {
        this.consultations = consultations;
    }

    @ModelAttribute("consultationOfRecord")
    Consultation consultationOfRecord(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!"GET".equals(request.getMethod()) || !path.startsWith(PREFIX) || path.contains("/attachments/")) {
            return null;
        }
        String ref = java.net.URLDecoder.decode(path.substring(PREFIX.length()), java.nio.charset.StandardCharsets.UTF_8);
        return consultations.withFinalRecord(ref).orElse(null);
    }
}
