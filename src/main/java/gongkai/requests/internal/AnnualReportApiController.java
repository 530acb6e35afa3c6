package gongkai.requests.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import gongkai.requests.AnnualRequestTable;
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
    Map<String, Object> report(@PathVariable String orgCode, @PathVariable int year) {
        if (year < FIRST_YEAR || year > 9999) {
            throw new InvalidInputProblem("year", "年份应为" + FIRST_YEAR + "年以后的四位数字。");
        }
        AnnualRequestTable t = statistics.table(orgCode, year);
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("title", "三、收到和处理政府信息公开申请情况");
        table.put("columns", Arrays.stream(AnnualRequestTable.Column.values())
                .map(c -> Map.of("code", c.name(), "label", c.label())).toList());
        table.put("rows", t.rows().stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", r.code());
            row.put("label", r.label());
            if (!r.heading().isEmpty()) {
                row.put("heading", r.heading());
            }
            Map<String, Integer> values = new LinkedHashMap<>();
            for (AnnualRequestTable.Column c : AnnualRequestTable.Column.values()) {
                values.put(c.name(), r.value(c));
            }
            row.put("values", values);
            return row;
        }).toList());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("org", Map.of("code", t.orgCode(), "name", t.orgName()));
        out.put("year", t.year());
        out.put("asOf", t.asOf());
        out.put("provisional", t.provisional());
        out.put("requests", table);
        return out;
    }
}
