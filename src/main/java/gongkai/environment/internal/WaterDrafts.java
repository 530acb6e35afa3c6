package gongkai.environment.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

import gongkai.calendar.WorkingDayCalendar;
import gongkai.catalog.ReportingPeriod;
import gongkai.environment.WaterQualityData;
import gongkai.publishing.RecordInput;

/**
 * Drafts the water records for the environment office and submits them into 三审, as {@link AirRankingDrafts} does
 * for air: the quarter's surface water as a record of {@code en-surface-water} (quarterly:15) from working day
 * {@code gongkai.environment.water-draft-working-day} (5) of the month after the quarter, and the month's
 * drinking-water sources as a record of {@code en-drinking-water} (monthly:10) from working day
 * {@code gongkai.environment.drinking-draft-working-day} (5) of the next month; each once the period has samples,
 * once per period (claimed in {@code water_draft}). Data corrected after the draft are the clerks' to revise.
 */
@Component
class WaterDrafts {

    static final String SURFACE_ITEM = "en-surface-water";
    static final String DRINKING_ITEM = "en-drinking-water";
    private static final Logger log = LoggerFactory.getLogger(WaterDrafts.class);

    private final WaterQualityData data;
    private final PlatformDrafting platform;
    private final WorkingDayCalendar calendar;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String office;
    private final String officeRegion;
    private final int surfaceDay;
    private final int drinkingDay;
    private final boolean demo;

    WaterDrafts(WaterQualityData data, PlatformDrafting platform, WorkingDayCalendar calendar,
            JdbcTemplate jdbc, Clock clock, @Value("${gongkai.environment.office:ycshbj}") String office,
            @Value("${gongkai.environment.office-region:360900}") String officeRegion,
            @Value("${gongkai.environment.water-draft-working-day:5}") int surfaceDay,
            @Value("${gongkai.environment.drinking-draft-working-day:5}") int drinkingDay,
            gongkai.shared.GongkaiProperties properties) {
        this.data = data;
        this.platform = platform;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.clock = clock;
        this.office = office;
        this.officeRegion = officeRegion;
        this.surfaceDay = surfaceDay;
        this.drinkingDay = drinkingDay;
        this.demo = properties.demo();
    }

    @SchedulerLock(name = "environment.water-drafts", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
    @Scheduled(cron = "${gongkai.environment.water-draft-cron:0 20 7 * * *}", zone = "Asia/Shanghai")
    void daily() {
        LocalDate today = LocalDate.now(clock);
        try {
            draftQuarterDue(today);
        } catch (RuntimeException e) {
            log.warn("The quarter's surface water could not be drafted; tried again tomorrow", e);
        }
        try {
            draftMonthDue(today);
        } catch (RuntimeException e) {
            log.warn("The month's drinking water could not be drafted; tried again tomorrow", e);
        }
    }

    /** Drafts the last quarter's surface water when due and not drafted yet; the record's draft key, or null. */
    @Transactional
    String draftQuarterDue(LocalDate today) {
        ReportingPeriod quarter = WaterQualityData.previousQuarter(WaterQualityData.quarterOf(today));
        YearMonth after = YearMonth.from(quarter.lastDay()).plusMonths(1);
        if (today.isBefore(calendar.nthWorkingDayOfMonth(after, surfaceDay))) {
            return null;
        }
        WaterQualityData.SurfaceQuarter q = data.quarter(quarter);
        if (q.isEmpty() || !claim("surface", quarter.toString())) {
            return null;
        }
        WaterPageController.QuarterView view = WaterPageController.quarterView(q);
        String title = quarter.describe() + "各县（市、区）地表水水质";
        long good = q.sections().stream()
                .filter(s -> !s.quality().waterClass().worseThan(gongkai.environment.WaterClass.III)).count();
        String summary = quarter.describe() + "共监测地表水断面" + q.sections().size() + "个，其中Ⅰ～Ⅲ类" + good + "个。";
        String ref = submit(new RecordInput(SURFACE_ITEM, office, officeRegion, title, summary, null, today,
                surfaceBody(view), List.of("地表水", "水质", "断面"), "public", null, null, null, null, null, null,
                quarter.toString()));
        finish("surface", quarter.toString(), ref);
        return ref;
    }

    /** Drafts last month's drinking-water sources when due and not drafted yet; the record's draft key, or null. */
    @Transactional
    String draftMonthDue(LocalDate today) {
        YearMonth month = YearMonth.from(today).minusMonths(1);
        if (today.isBefore(calendar.nthWorkingDayOfMonth(YearMonth.from(today), drinkingDay))) {
            return null;
        }
        WaterQualityData.DrinkingMonth m = data.drinkingMonth(month);
        if (m.isEmpty() || !claim("drinking", month.toString())) {
            return null;
        }
        WaterPageController.MonthView view = WaterPageController.monthView(m);
        String title = view.label() + "中心城市和县级城镇集中式饮用水水源地水质";
        String summary = rates(view);
        String ref = submit(new RecordInput(DRINKING_ITEM, office, officeRegion, title, summary, null, today,
                drinkingBody(view), List.of("饮用水", "水源地", "达标率"), "public", null, null, null, null, null, null,
                month.toString()));
        finish("drinking", month.toString(), ref);
        return ref;
    }

    private boolean claim(String kind, String period) {
        return jdbc.update("INSERT INTO water_draft (kind, period, drafted_at) SELECT ?, ?, ? WHERE NOT EXISTS "
                + "(SELECT 1 FROM water_draft WHERE kind = ? AND period = ?)", kind, period,
                Timestamp.from(clock.instant()), kind, period) > 0;
    }

    private void finish(String kind, String period, String ref) {
        jdbc.update("UPDATE water_draft SET record_ref = ? WHERE kind = ? AND period = ?", ref, kind, period);
        log.info("Water record {} {} drafted as {} and submitted for review", kind, period, ref);
    }

    private String submit(RecordInput input) {
        return platform.submit(office, input, demo, List.of());
    }

    private static String rates(WaterPageController.MonthView v) {
        return "监测水源地" + v.judged() + "个，达标" + v.compliant() + "个，按个数计达标率" + v.rateByCount()
                + "%；取水总量" + v.volume() + "万吨，按取水量计达标率" + v.rateByVolume() + "%。";
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s);
    }

    private static String surfaceBody(WaterPageController.QuarterView v) {
        StringBuilder b = new StringBuilder();
        b.append("<p>").append(esc(v.label() + "，依据《地表水环境质量标准》（GB 3838-2002）和《地表水环境质量评价办法（试行）》"
                + "（环办〔2011〕22号），按单因子评价法评价各监测断面水质。")).append("</p>\n");
        b.append("<table><thead><tr><th>断面</th><th>县（市、区）</th><th>水体</th><th>水质类别</th><th>水质状况</th>"
                + "<th>主要污染指标（超标倍数）</th></tr></thead><tbody>");
        for (WaterPageController.SectionRow s : v.sections()) {
            b.append("<tr><th>").append(esc(s.name())).append("</th><td>").append(esc(s.county())).append("</td><td>")
                    .append(esc(s.body())).append("</td><td>").append(esc(s.waterClass())).append("</td><td>")
                    .append(esc(s.status())).append("</td><td>").append(esc(s.mainPollutants())).append("</td></tr>");
        }
        b.append("</tbody></table>\n");
        b.append("<table><thead><tr><th>县（市、区）</th><th>断面数</th><th>评价方式</th><th>水质类别</th><th>水质状况</th>"
                + "<th>Ⅰ～Ⅲ类比例（%）</th><th>劣Ⅴ类比例（%）</th><th>主要污染指标</th></tr></thead><tbody>");
        for (WaterPageController.CountyRow c : v.counties()) {
            b.append("<tr><th>").append(esc(c.name())).append("</th><td>").append(c.sections()).append("</td><td>")
                    .append(esc(c.method())).append("</td><td>").append(esc(c.waterClass())).append("</td><td>")
                    .append(esc(c.status())).append("</td><td>").append(esc(c.goodShare())).append("</td><td>")
                    .append(esc(c.worstShare())).append("</td><td>").append(esc(c.mainPollutants())).append("</td></tr>");
        }
        b.append("</tbody></table>\n");
        b.append("<p>").append(esc("水温、粪大肠菌群和河流的总氮只作参考，不参与评价。超标倍数＝（平均浓度－Ⅲ类标准限值）÷Ⅲ类标准限值。"))
                .append("</p>\n");
        return b.toString();
    }

    private static String drinkingBody(WaterPageController.MonthView v) {
        StringBuilder b = new StringBuilder();
        b.append("<p>").append(esc(v.label() + "，" + rates(v))).append("</p>\n");
        b.append("<table><thead><tr><th>水源地</th><th>县（市、区）</th><th>类型</th><th>取水量（万吨）</th><th>水质类别</th>"
                + "<th>是否达标</th><th>超标项目（超标倍数）</th></tr></thead><tbody>");
        for (WaterPageController.SourceRow s : v.sources()) {
            b.append("<tr><th>").append(esc(s.name())).append("</th><td>").append(esc(s.county())).append("</td><td>")
                    .append(esc(s.kind())).append("</td><td>").append(esc(s.volume())).append("</td><td>")
                    .append(esc(s.waterClass())).append("</td><td>").append(esc(s.verdict())).append("</td><td>")
                    .append(esc(s.overLimit())).append("</td></tr>");
        }
        b.append("</tbody></table>\n");
        b.append("<p>").append(esc("地表水型水源地按GB 3838-2002Ⅲ类标准及补充、特定项目限值评价，地下水型水源地按GB/T 14848-2017Ⅲ类限值评价。"))
                .append("</p>\n");
        return b.toString();
    }
}
