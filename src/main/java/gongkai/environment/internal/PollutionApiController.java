package gongkai.environment.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import gongkai.environment.Enterprise;
import gongkai.environment.EnterpriseStatus;
import gongkai.environment.MonitoringResult;
import gongkai.environment.PollutionSources;
import gongkai.shared.InvalidInputProblem;

/**
 * The pollution-source API (not in API.md; see the README): the enterprises with their status, an enterprise's
 * results over a period, and results in (CSV or JSON rows) by the enterprise's editor or the environment office's.
 */
@RestController
class PollutionApiController {

    private static final int MAX_DAYS = 366;

    private final PollutionSources sources;
    private final java.time.Clock clock;

    PollutionApiController(PollutionSources sources, java.time.Clock clock) {
        this.sources = sources;
        this.clock = clock;
    }

    record EnterpriseAnswer(String creditCode, String name, String regionCode, String regionName, String industry,
            Instant latestMeasuredAt, String latestStatus, int exceedancesLast12Months, boolean demo) {
    }

    @GetMapping("/api/v1/environment/pollution-sources")
    List<EnterpriseAnswer> list() {
        return sources.byCounty().stream().flatMap(c -> c.enterprises().stream()).map(s -> {
            Enterprise e = s.enterprise();
            return new EnterpriseAnswer(e.creditCode(), e.name(), e.regionCode(), e.regionName(), e.industry(),
                    s.latestAt(), statusCode(s), s.exceedances12m(), e.demo());
        }).toList();
    }

    private static String statusCode(EnterpriseStatus s) {
        return s.latestAt() == null ? "none" : s.latestExceeded() ? "exceeded" : "compliant";
    }

    record ResultAnswer(String outlet, String pollutant, Instant measuredAt, BigDecimal value, BigDecimal limitMin,
            BigDecimal limitMax, String unit, boolean exceeded, BigDecimal exceedanceMultiple, Instant uploadedAt) {
    }

    record ResultsAnswer(String creditCode, String name, LocalDate from, LocalDate to, List<ResultAnswer> results) {
    }

    /** Results measured from {@code from} to {@code to} (China dates, both included; at most a year; default the last 30 days). */
    @GetMapping("/api/v1/environment/pollution-sources/{creditCode}/results")
    ResultsAnswer results(@PathVariable String creditCode, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        Enterprise e = sources.get(creditCode);
        LocalDate end = to == null || to.isBlank() ? LocalDate.now(clock)
                : date("to", to);
        LocalDate start = from == null || from.isBlank() ? end.minusDays(30) : date("from", from);
        if (start.isAfter(end)) {
            throw new InvalidInputProblem("from", "起始日期不能晚于截止日期。");
        }
        if (start.plusDays(MAX_DAYS).isBefore(end)) {
            throw new InvalidInputProblem("from", "一次最多查询" + MAX_DAYS + "天。");
        }
        List<MonitoringResult> rows = sources.results(e.creditCode(), start, end);
        return new ResultsAnswer(e.creditCode(), e.name(), start, end, rows.stream().map(r -> new ResultAnswer(
                r.outletCode(), r.pollutant(), r.measuredAt(), r.value(), r.limit().min(), r.limit().max(), r.unit(),
                r.exceeded(), r.multiple(), r.uploadedAt())).toList());
    }

    record Imported(int imported) {
    }

    /** Registers an enterprise (the city office's admin, or an editor or approver of the environment office). */
    @PostMapping(path = "/api/v1/environment/pollution-sources", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    Enterprise register(@RequestBody PollutionSources.NewEnterprise body) {
        return sources.register(body);
    }

    record OutletAnswer(String code, String name, String kind, String frequency, LocalDate monitoredFrom,
            String pollutants) {
    }

    /** Defines or redefines an outlet (the enterprise's editor or an editor of the environment office). */
    @PostMapping(path = "/api/v1/environment/pollution-sources/{creditCode}/outlets", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    OutletAnswer defineOutlet(@PathVariable String creditCode, @RequestBody PollutionSources.NewOutlet body) {
        var o = sources.defineOutlet(creditCode, body);
        return new OutletAnswer(o.code(), o.name(), o.kind().name(), o.frequency().name(), o.monitoredFrom(),
                o.pollutantsText());
    }

    @PostMapping(path = "/api/v1/environment/pollution-sources/{creditCode}/results",
            consumes = { "text/csv", "text/plain" })
    @ResponseStatus(HttpStatus.CREATED)
    Imported importCsv(@PathVariable String creditCode, @RequestBody byte[] csv) {
        return new Imported(sources.importCsv(creditCode, csv));
    }

    @PostMapping(path = "/api/v1/environment/pollution-sources/{creditCode}/results", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    Imported importJson(@PathVariable String creditCode, @RequestBody List<Map<String, String>> rows) {
        return new Imported(sources.importRows(creditCode, rows));
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputProblem(field, "日期应写作2026-03-01，而不是“" + text + "”。");
        }
    }
}
