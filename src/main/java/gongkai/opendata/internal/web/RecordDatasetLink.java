package gongkai.opendata.internal.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import gongkai.opendata.Datasets;
import gongkai.publishing.RecordView;

/**
 * Gives a public record's page the dataset its rows are in ({@code datasetOfRecord}), so the page can link to it.
 * Publishing must not depend on open data, so the link is added here, to the model its page controller prepared.
 */
@Configuration
class RecordDatasetLink implements WebMvcConfigurer, HandlerInterceptor {

    static final String RECORD_VIEW = "publishing/record";

    private final Datasets datasets;

    RecordDatasetLink(Datasets datasets) {
        this.datasets = datasets;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/records/**");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView page) {
        if (page != null && RECORD_VIEW.equals(page.getViewName())
                && page.getModel().get("record") instanceof RecordView record && !record.targeted()
                && !record.workingCopy() && record.indexNo() != null) {
            datasets.forRecord(record.indexNo()).ifPresent(d -> page.addObject("datasetOfRecord", d));
        }
    }
}
