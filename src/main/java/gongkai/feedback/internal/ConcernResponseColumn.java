package gongkai.feedback.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import gongkai.feedback.ConcernResponses;
import gongkai.publishing.RecordSummary;

/**
 * The home page's 回应关切 column ({@code concernResponses}): the latest published responses to public concerns. An
 * advice so that the web module need not know feedback; the home page is dropped from the cache on every publication.
 */
@ControllerAdvice(annotations = Controller.class)
class ConcernResponseColumn {

    private final ConcernResponses responses;

    ConcernResponseColumn(ConcernResponses responses) {
        this.responses = responses;
    }

    @ModelAttribute("concernResponses")
    List<RecordSummary> concernResponses(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "/".equals(path) ? responses.latest() : List.of();
    }
}
