package gongkai.environment.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import gongkai.environment.AirMonth;
import gongkai.environment.AirQualityData;
import gongkai.environment.Pollutant;
import gongkai.shared.InvalidInputProblem;

/**
 * The public air pages: a month's ranking with its bar chart and its table ({@code /environment/air/{yyyy-MM}}), and
 * the latest month with each county's last twelve months as a line chart and a table ({@code /environment/air}). Every
 * chart is drawn from a table on the same page, which stays readable without it.
 */
@Controller
class AirPageController {

    private final AirQualityData data;
    private final Clock clock;

    AirPageController(AirQualityData data, Clock clock) {
        this.data = data;
        this.clock = clock;
    }

    @GetMapping("/environment/air/{month}")
    String month(@PathVariable String month, Model model) {
        YearMonth m;
        try {
            m = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new InvalidInputProblem("month", "月份应写作2026-03，而不是“" + month + "”。");
        }
        List<AirMonth.Place> places = data.ranking(m);
        model.addAttribute("month", m);
        model.addAttribute("places", places);
        model.addAttribute("columns", List.of(Pollutant.SO2, Pollutant.NO2, Pollutant.PM10, Pollutant.PM25, Pollutant.CO,
                Pollutant.O3_8H));
        model.addAttribute("standard", places.isEmpty() ? null : places.get(0).month().standard());
        model.addAttribute("previous", m.minusMonths(1));
        model.addAttribute("next", m.plusMonths(1).isAfter(YearMonth.now(clock)) ? null : m.plusMonths(1));
        return "environment/air-month";
    }

    /** One county's index month by month, for the history chart and its table. */
    record History(List<YearMonth> months, Map<String, List<BigDecimal>> byRegion) {
    }

    @GetMapping("/environment/air")
    String latest(Model model) {
        YearMonth now = YearMonth.now(clock);
        YearMonth latest = null;
        List<YearMonth> months = new ArrayList<>();
        Map<YearMonth, List<AirMonth.Place>> rankings = new LinkedHashMap<>();
        for (int i = 12; i >= 1; i--) {
            YearMonth m = now.minusMonths(i);
            List<AirMonth.Place> places = data.ranking(m);
            months.add(m);
            rankings.put(m, places);
            if (!places.isEmpty()) {
                latest = m;
            }
        }
        Map<String, List<BigDecimal>> byRegion = new LinkedHashMap<>();
        rankings.forEach((m, places) -> places.forEach(p -> byRegion.computeIfAbsent(p.month().regionName(),
                k -> new ArrayList<>(java.util.Collections.nCopies(months.size(), null)))
                .set(months.indexOf(m), p.month().composite())));
        model.addAttribute("latest", latest);
        model.addAttribute("places", latest == null ? List.of() : rankings.get(latest));
        model.addAttribute("history", new History(months, byRegion));
        return "environment/air-index";
    }
}
