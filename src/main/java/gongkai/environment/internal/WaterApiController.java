package gongkai.environment.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.YearMonth;
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
import org.springframework.web.multipart.MultipartFile;

import gongkai.environment.CountyWaterSummary;
import gongkai.environment.SectionQuality;
import gongkai.environment.SourceCompliance;
import gongkai.environment.WaterClass;
import gongkai.environment.WaterItem;
import gongkai.environment.WaterQualityData;
import gongkai.shared.Actor;
import gongkai.shared.InvalidInputProblem;

/**
 * The water API of API.md: sections and drinking-water sources registered, their samples taken in (CSV as the body,
 * or a multipart {@code file}), a quarter's surface water and a month's drinking-water compliance out.
 */
@RestController
class WaterApiController {

    private final WaterQualityData data;

    WaterApiController(WaterQualityData data) {
        this.data = data;
    }

    record Imported(int imported) {
    }

    record SectionInput(String code, String name, String regionCode, String waterBody) {
    }

    record SourceInput(String code, String name, String regionCode, String kind) {
    }

    record SectionAnswer(String code, String name, String regionCode, String waterBody) {
    }

    record SourceAnswer(String code, String name, String regionCode, String kind) {
    }

    @PostMapping(path = "/api/v1/environment/water/sections", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    SectionAnswer addSection(@RequestBody SectionInput in) {
        WaterQualityData.Section s = data.addSection(in.code(), in.name(), in.regionCode(), in.waterBody(),
                Actor.require());
        return new SectionAnswer(s.code(), s.name(), s.regionCode(), s.body().name().toLowerCase(java.util.Locale.ROOT));
    }

    @PostMapping(path = "/api/v1/environment/drinking-water/sources", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    SourceAnswer addSource(@RequestBody SourceInput in) {
        WaterQualityData.Source s = data.addSource(in.code(), in.name(), in.regionCode(), in.kind(), Actor.require());
        return new SourceAnswer(s.code(), s.name(), s.regionCode(), s.kind().name().toLowerCase(java.util.Locale.ROOT));
    }

    @PostMapping(path = "/api/v1/environment/water/samples", consumes = { "text/csv", "text/plain" })
    @ResponseStatus(HttpStatus.CREATED)
    Imported waterSamples(@RequestBody byte[] csv) {
        return new Imported(data.importSamplesCsv(csv, Actor.require()));
    }

    @PostMapping(path = "/api/v1/environment/water/samples", consumes = "multipart/form-data")
    @ResponseStatus(HttpStatus.CREATED)
    Imported waterSamplesFile(@RequestParam("file") MultipartFile file) {
        return new Imported(data.importSamples(name(file), bytes(file), Actor.require()));
    }

    @PostMapping(path = "/api/v1/environment/drinking-water/samples", consumes = { "text/csv", "text/plain" })
    @ResponseStatus(HttpStatus.CREATED)
    Imported drinkingSamples(@RequestBody byte[] csv) {
        return new Imported(data.importDrinkingSamplesCsv(csv, Actor.require()));
    }

    @PostMapping(path = "/api/v1/environment/drinking-water/samples", consumes = "multipart/form-data")
    @ResponseStatus(HttpStatus.CREATED)
    Imported drinkingSamplesFile(@RequestParam("file") MultipartFile file) {
        return new Imported(data.importDrinkingSamples(name(file), bytes(file), Actor.require()));
    }

    private static String name(MultipartFile file) {
        String n = file.getOriginalFilename();
        return n == null || n.isBlank() ? "上传的文件" : n.substring(n.replace('\\', '/').lastIndexOf('/') + 1);
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new InvalidInputProblem("file", "无法读取上传的文件。");
        }
    }

    /** An item over a limit, with its 超标倍数 (null for pH and 溶解氧). */
    record ItemAnswer(String item, String name, BigDecimal exceedance) {
    }

    record SectionQuarter(String sectionCode, String name, String regionCode, String waterBody, int samples,
            String waterClass, String status, List<ItemAnswer> mainPollutants) {
    }

    /**
     * A county: {@code method} AVERAGED (fewer than five sections: the averaged concentrations classed as one, with
     * {@code waterClass}) or SHARES (the shares of sections per class); {@code mainPollutants} with 超标倍数 for the
     * first, with the percent of sections worse than class III as {@code exceedance} for the second.
     */
    record CountyQuarter(String regionCode, String name, String method, int sections, String waterClass, String status,
            BigDecimal goodShare, Map<String, Integer> classCounts, List<ItemAnswer> mainPollutants) {
    }

    record QuarterAnswer(String period, List<SectionQuarter> sections, List<CountyQuarter> counties) {
    }

    @GetMapping("/api/v1/environment/water/quarters/{quarter}")
    QuarterAnswer quarter(@PathVariable String quarter) {
        WaterQualityData.SurfaceQuarter q = data.quarter(WaterQualityData.parseQuarter(quarter));
        return new QuarterAnswer(q.period().toString(), q.sections().stream().map(s -> {
            SectionQuality quality = s.quality();
            return new SectionQuarter(s.section().code(), s.section().name(), s.section().regionCode(),
                    s.section().body().name().toLowerCase(java.util.Locale.ROOT), s.samples(),
                    roman(quality.waterClass()), quality.status(), quality.mainPollutants().stream()
                            .map(p -> item(p.item(), p.multiple())).toList());
        }).toList(), q.counties().stream().map(c -> {
            CountyWaterSummary s = c.summary();
            Map<String, Integer> counts = new java.util.LinkedHashMap<>();
            s.counts().forEach((k, v) -> counts.put(roman(k), v));
            List<ItemAnswer> main = s.method() == CountyWaterSummary.Method.AVERAGED
                    ? s.averaged().mainPollutants().stream().map(p -> item(p.item(), p.multiple())).toList()
                    : s.pollutants().stream().map(p -> item(p.item(), p.share())).toList();
            return new CountyQuarter(c.regionCode(), c.name(), s.method().name(), s.sections(),
                    s.averaged() == null ? null : roman(s.averaged().waterClass()), s.status(), s.goodShare(), counts,
                    main);
        }).toList());
    }

    record SourceMonth(String sourceCode, String name, String regionCode, String kind, BigDecimal volume, int samples,
            String waterClass, boolean judged, boolean compliant, List<ItemAnswer> overLimit) {
    }

    record MonthAnswer(String month, List<SourceMonth> sources, BigDecimal complianceByCount,
            BigDecimal complianceByVolume) {
    }

    @GetMapping("/api/v1/environment/drinking-water/{month}")
    MonthAnswer month(@PathVariable String month) {
        WaterQualityData.DrinkingMonth m = data.drinkingMonth(parseMonth(month));
        return new MonthAnswer(m.month().toString(), m.sources().stream().map(s -> {
            SourceCompliance c = s.compliance();
            return new SourceMonth(s.source().code(), s.source().name(), s.source().regionCode(),
                    s.source().kind().name().toLowerCase(java.util.Locale.ROOT), c.volume(), s.samples(),
                    c.waterClass() == null ? null : roman(c.waterClass()), c.judged(), c.compliant(),
                    c.exceedances().stream().map(e -> item(e.item(), e.multiple())).toList());
        }).toList(), m.rates().rateByCount(), m.rates().rateByVolume());
    }

    static YearMonth parseMonth(String text) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputProblem("month", "月份应写作2026-03，而不是“" + text + "”。");
        }
    }

    private static ItemAnswer item(WaterItem item, BigDecimal exceedance) {
        return new ItemAnswer(WaterQualityData.columnOf(item), item.name(), exceedance);
    }

    /** "I".."V" or "劣V", as API.md writes the classes. */
    static String roman(WaterClass c) {
        return c == WaterClass.WORSE_THAN_V ? "劣V" : c.name();
    }
}
