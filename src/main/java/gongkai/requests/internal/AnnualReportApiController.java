package gongkai.requests.internal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import gongkai.requests.RequestStatistics;
import gongkai.shared.InvalidInputProblem;

/**
 * {@code GET /api/v1/annual-reports/{orgCode}/{year}} (API.md): the annual report's tables as JSON. For now the report
 * holds table 三 (requests), under {@code requests}; the other tables join the same resource later (and the resource
 * moves to the module that assembles the whole report).
 */
@RestController
class AnnualReportApiController {

    private static final int FIRST_YEAR = 2008;

    private final RequestStatistics statistics;

    AnnualReportApiController(RequestStatistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/api/v1/annual-reports/{orgCode}/{year}")
    AnnualReportAnswer report(@PathVariable String orgCode, @PathVariable int year) {
        if (year < FIRST_YEAR || year > 9999) {
            throw new InvalidInputProblem("year", "年份应为" + FIRST_YEAR + "年以后的四位数字。");
        }
        return AnnualReportAnswer.of(statistics.table(orgCode, year));
    }
}
