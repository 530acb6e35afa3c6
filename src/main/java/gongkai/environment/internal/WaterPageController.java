package gongkai.environment.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import gongkai.catalog.ReportingPeriod;
import gongkai.environment.CountyWaterSummary;
import gongkai.environment.Exceedance;
import gongkai.environment.MainPollutant;
import gongkai.environment.SourceCompliance;
import gongkai.environment.WaterClass;
import gongkai.environment.WaterQualityData;

/**
 * The public water pages: a quarter's surface water by section and county ({@code /environment/water/{yyyy}-Q{n}})
 * and the latest quarter with the list of quarters ({@code /environment/water}); a month's drinking-water sources
 * ({@code /environment/drinking-water/{yyyy-MM}}) and the latest month ({@code /environment/drinking-water}). The
 * rows are prepared here as text; the templates only print them.
 */
@Controller
class WaterPageController {

    private final WaterQualityData data;
    private final Clock clock;

    WaterPageController(WaterQualityData data, Clock clock) {
        this.data = data;
        this.clock = clock;
    }

    /** A section's row: its class as text (罗马数字 and wording), never as a colour alone. */
    record SectionRow(String name, String county, String body, int samples, String waterClass, String wording,
            String status, String mainPollutants) {
    }

    /** A county's row; {@code method} says how the status was found. */
    record CountyRow(String name, int sections, String method, String waterClass, String status, String goodShare,
            String worstShare, String mainPollutants) {
    }

    /** A quarter ready to print. */
    record QuarterView(String label, String period, List<SectionRow> sections, List<CountyRow> counties) {
    }

    /** A source's row. */
    record SourceRow(String name, String county, String kind, String volume, String waterClass, String verdict,
            boolean compliant, String overLimit) {
    }

    /** A month ready to print; rates in percent as text. */
    record MonthView(String label, String month, List<SourceRow> sources, int judged, int compliant,
            String rateByCount, String volume, String compliantVolume, String rateByVolume) {
    }

    @GetMapping("/environment/water/{quarter}")
    String quarter(@PathVariable String quarter, Model model) {
        ReportingPeriod q = WaterQualityData.parseQuarter(quarter);
        ReportingPeriod current = WaterQualityData.quarterOf(LocalDate.now(clock));
        model.addAttribute("view", quarterView(data.quarter(q)));
        ReportingPeriod previous = WaterQualityData.previousQuarter(q);
        model.addAttribute("previous", previous.toString());
        model.addAttribute("previousLabel", previous.describe());
        boolean hasNext = !q.next().firstDay().isAfter(current.firstDay());
        model.addAttribute("next", hasNext ? q.next().toString() : null);
        model.addAttribute("nextLabel", q.next().describe());
        return "environment/water-quarter";
    }

    @GetMapping("/environment/water")
    String water(Model model) {
        List<ReportingPeriod> quarters = data.quartersWithData();
        model.addAttribute("quarters", quarters.stream().map(q -> List.of(q.toString(), q.describe())).toList());
        model.addAttribute("view", quarters.isEmpty() ? null : quarterView(data.quarter(quarters.get(0))));
        return "environment/water-index";
    }

    @GetMapping("/environment/drinking-water/{month}")
    String month(@PathVariable String month, Model model) {
        YearMonth m = WaterApiController.parseMonth(month);
        model.addAttribute("view", monthView(data.drinkingMonth(m)));
        model.addAttribute("previous", m.minusMonths(1).toString());
        model.addAttribute("previousLabel", label(m.minusMonths(1)));
        model.addAttribute("next", m.plusMonths(1).isAfter(YearMonth.now(clock)) ? null : m.plusMonths(1).toString());
        model.addAttribute("nextLabel", label(m.plusMonths(1)));
        return "environment/drinking-water-month";
    }

    @GetMapping("/environment/drinking-water")
    String drinking(Model model) {
        List<YearMonth> months = data.monthsWithData();
        model.addAttribute("months", months.stream().map(m -> List.of(m.toString(), label(m))).toList());
        model.addAttribute("view", months.isEmpty() ? null : monthView(data.drinkingMonth(months.get(0))));
        return "environment/drinking-water-index";
    }

    static String label(YearMonth m) {
        return m.getYear() + "年" + m.getMonthValue() + "月";
    }

    static QuarterView quarterView(WaterQualityData.SurfaceQuarter q) {
        List<SectionRow> sections = q.sections().stream().map(s -> new SectionRow(s.section().name(),
                s.section().regionName(), s.section().body().label(), s.samples(), s.quality().waterClass().label(),
                s.quality().waterClass().wording(), s.quality().status(), pollutants(s.quality().mainPollutants())))
                .toList();
        List<CountyRow> counties = q.counties().stream().map(c -> {
            CountyWaterSummary s = c.summary();
            boolean averaged = s.method() == CountyWaterSummary.Method.AVERAGED;
            String main = averaged ? pollutants(s.averaged().mainPollutants())
                    : s.pollutants().isEmpty() ? "—" : s.pollutants().stream()
                            .map(p -> p.item().name() + "（" + p.sectionsOverClassIII() + "个断面，" + text(p.share()) + "%）")
                            .collect(Collectors.joining("、"));
            return new CountyRow(c.name(), s.sections(), averaged ? "断面浓度平均后评价" : "按断面类别比例评价",
                    averaged ? s.averaged().waterClass().label() : "—", s.status(), text(s.goodShare()),
                    text(s.shares().get(WaterClass.WORSE_THAN_V)), main);
        }).toList();
        return new QuarterView(q.period().describe(), q.period().toString(), sections, counties);
    }

    static MonthView monthView(WaterQualityData.DrinkingMonth m) {
        List<SourceRow> sources = m.sources().stream().map(s -> {
            SourceCompliance c = s.compliance();
            String verdict = !c.judged() ? "无可评价项目" : c.compliant() ? "达标" : "不达标";
            return new SourceRow(s.source().name(), s.source().regionName(), s.source().kind().label(),
                    text(c.volume()), c.waterClass() == null ? "—" : c.waterClass().label(), verdict, c.compliant(),
                    c.exceedances().isEmpty() ? "—"
                            : c.exceedances().stream().map(Exceedance::label).collect(Collectors.joining("、")));
        }).toList();
        return new MonthView(label(m.month()), m.month().toString(), sources, m.rates().judged(),
                m.rates().compliant(), text(m.rates().rateByCount()), text(m.rates().volume()),
                text(m.rates().compliantVolume()), text(m.rates().rateByVolume()));
    }

    private static String pollutants(List<MainPollutant> main) {
        return main.isEmpty() ? "—" : main.stream().map(MainPollutant::label).collect(Collectors.joining("、"));
    }

    private static String text(BigDecimal v) {
        return v == null ? "—" : v.toPlainString();
    }
}
