package gongkai.environment.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
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

import gongkai.environment.AirMonth;
import gongkai.environment.AirQualityData;
import gongkai.environment.DailyAqi;
import gongkai.environment.Pollutant;
import gongkai.shared.Actor;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.NotFoundProblem;

/** The air-quality API of API.md: daily data in (CSV or JSON rows), a day's AQI and a month's ranking out. */
@RestController
class AirApiController {

    private final AirQualityData data;

    AirApiController(AirQualityData data) {
        this.data = data;
    }

    record Imported(int imported) {
    }

    @PostMapping(path = "/api/v1/environment/air/daily", consumes = { "text/csv", "text/plain" })
    @ResponseStatus(HttpStatus.CREATED)
    Imported importCsv(@RequestBody byte[] csv) {
        return new Imported(data.importCsv(csv, Actor.require()));
    }

    @PostMapping(path = "/api/v1/environment/air/daily", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    Imported importJson(@RequestBody List<Map<String, String>> rows) {
        return new Imported(data.importRows(rows, Actor.require()));
    }

    /** A day's AQI of a region, under the rules in force that day. */
    record DayAnswer(LocalDate date, String regionCode, String rules, Integer aqi, String level, String category,
            String colour, Map<Pollutant, Integer> iaqi, List<Pollutant> primary, List<Pollutant> exceeding,
            List<Pollutant> missing) {
    }

    @GetMapping("/api/v1/environment/air/daily")
    DayAnswer daily(@RequestParam String date, @RequestParam String region) {
        LocalDate day = parseDate(date);
        DailyAqi d = data.daily(day, region);
        if (d == null) {
            throw new NotFoundProblem(region + "没有" + day + "的空气质量数据。");
        }
        return new DayAnswer(d.day(), region, d.ruleSet(), d.aqi(), d.level() == null ? null : d.level().level(),
                d.level() == null ? null : d.level().category(), d.level() == null ? null : d.level().colour(), d.iaqi(),
                d.primary(), d.exceeding(), d.missing());
    }

    /** One region of the ranking (API.md), with why it is not ranked when it is not. */
    record RegionAnswer(String regionCode, String name, Map<Pollutant, Integer> validDays, BigDecimal compositeIndex,
            Integer rank, BigDecimal goodDayRatio, BigDecimal so2, BigDecimal no2, BigDecimal pm10, BigDecimal pm25,
            BigDecimal co, BigDecimal o3, String unranked, BigDecimal changeOnLastYear) {
    }

    record RankingAnswer(String month, String rules, List<RegionAnswer> regions) {
    }

    @GetMapping("/api/v1/environment/air/ranking/{month}")
    RankingAnswer ranking(@PathVariable String month) {
        YearMonth m;
        try {
            m = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new InvalidInputProblem("month", "月份应写作2026-03，而不是“" + month + "”。");
        }
        List<AirMonth.Place> places = data.ranking(m);
        String rules = places.isEmpty() ? null : places.get(0).month().standard();
        return new RankingAnswer(m.toString(), rules, places.stream().map(p -> {
            AirMonth a = p.month();
            return new RegionAnswer(a.region(), a.regionName(), a.validDays(), a.composite(), p.rank(), a.goodShare(),
                    a.statistics().get(Pollutant.SO2), a.statistics().get(Pollutant.NO2),
                    a.statistics().get(Pollutant.PM10), a.statistics().get(Pollutant.PM25),
                    a.statistics().get(Pollutant.CO), a.statistics().get(Pollutant.O3_8H), a.unranked(),
                    p.changeOnLastYear());
        }).toList());
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputProblem("date", "日期应写作2026-03-01，而不是“" + text + "”。");
        }
    }
}
