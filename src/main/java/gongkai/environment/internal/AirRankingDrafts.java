package gongkai.environment.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Collectors;

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
import gongkai.environment.AirMonth;
import gongkai.environment.AirQualityData;
import gongkai.environment.Pollutant;
import gongkai.publishing.RecordInput;

/**
 * Drafts the monthly air ranking as a record of catalogue item {@code en-air-ranking} (monthly:10) for the environment
 * office: from working day {@code gongkai.environment.ranking-draft-working-day} (5) of the next month, once the month
 * has data, with the ranking table and a bar chart, and submits it. A reviewer and an approver of the office then
 * check and publish it like any record: the platform proposes, people publish. Drafted once per month (claimed in
 * the database); a month uploaded or corrected after its draft is the clerks' to revise.
 */
@Component
class AirRankingDrafts {

    static final String ITEM = "en-air-ranking";
    private static final Logger log = LoggerFactory.getLogger(AirRankingDrafts.class);

    private final AirQualityData data;
    private final PlatformDrafting platform;
    private final WorkingDayCalendar calendar;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String office;
    private final String officeRegion;
    private final int workingDay;
    private final boolean demo;

    AirRankingDrafts(AirQualityData data, PlatformDrafting platform, WorkingDayCalendar calendar,
            JdbcTemplate jdbc, Clock clock, @Value("${gongkai.environment.office:ycshbj}") String office,
            @Value("${gongkai.environment.office-region:360900}") String officeRegion,
            @Value("${gongkai.environment.ranking-draft-working-day:5}") int workingDay,
            gongkai.shared.GongkaiProperties properties) {
        this.data = data;
        this.platform = platform;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.clock = clock;
        this.office = office;
        this.officeRegion = officeRegion;
        this.workingDay = workingDay;
        // On a demo installation the data are fictitious, and so is the record drafted from them (示例数据).
        this.demo = properties.demo();
    }

    @SchedulerLock(name = "environment.air-ranking-draft", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
    @Scheduled(cron = "${gongkai.environment.ranking-draft-cron:0 10 7 * * *}", zone = "Asia/Shanghai")
    void daily() {
        try {
            draftDue(LocalDate.now(clock));
        } catch (RuntimeException e) {
            log.warn("The monthly air ranking could not be drafted; tried again tomorrow", e);
        }
    }

    /** A month's drafted ranking and the record it became (null while being written). */
    record Drafted(String month, String recordRef, java.time.Instant draftedAt) {
    }

    /** The last {@code count} rankings drafted, newest first. */
    List<Drafted> recent(int count) {
        return jdbc.query("SELECT ranking_month, record_ref, drafted_at FROM air_ranking_draft ORDER BY ranking_month DESC",
                (rs, i) -> new Drafted(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .stream().limit(count).toList();
    }

    /** Drafts last month's ranking when it is due and not drafted yet; the record's draft key, or null. */
    @Transactional
    String draftDue(LocalDate today) {
        YearMonth month = YearMonth.from(today).minusMonths(1);
        if (today.isBefore(calendar.nthWorkingDayOfMonth(YearMonth.from(today), workingDay))) {
            return null;
        }
        List<AirMonth.Place> places = data.ranking(month);
        if (places.isEmpty()) {
            return null;
        }
        int claimed = jdbc.update("INSERT INTO air_ranking_draft (ranking_month, drafted_at) SELECT ?, ? WHERE NOT "
                + "EXISTS (SELECT 1 FROM air_ranking_draft WHERE ranking_month = ?)", month.toString(),
                Timestamp.from(clock.instant()), month.toString());
        if (claimed == 0) {
            return null;
        }
        String title = month.getYear() + "年" + month.getMonthValue() + "月各县（市、区）环境空气质量排名";
        RecordInput input = new RecordInput(ITEM, office, officeRegion, title, summary(places), null, today,
                body(month, places), List.of("空气质量", "综合指数", "排名"), "public", null, null, null, null, null, null,
                month.toString());
        String ref = platform.submit(office, input, demo, List.of(new PlatformDrafting.Attachment(title + ".png",
                RankingChart.png(title, places), alt(places))));
        jdbc.update("UPDATE air_ranking_draft SET record_ref = ? WHERE ranking_month = ?", ref, month.toString());
        log.info("Air ranking of {} drafted as {} and submitted for review", month, ref);
        return ref;
    }

    private static String summary(List<AirMonth.Place> places) {
        List<AirMonth.Place> ranked = places.stream().filter(p -> p.rank() != null).toList();
        if (ranked.isEmpty()) {
            return "本月各县（市、区）有效监测天数均不足，不排名。";
        }
        String first = ranked.stream().filter(p -> p.rank() == 1).map(p -> p.month().regionName())
                .collect(Collectors.joining("、"));
        return "按环境空气质量综合指数由小到大排名，" + ranked.size() + "个县（市、区）参加排名，第1名为" + first + "（综合指数"
                + ranked.get(0).month().composite().toPlainString() + "）。";
    }

    private static String alt(List<AirMonth.Place> places) {
        return "综合指数柱状图：" + places.stream().filter(p -> p.rank() != null)
                .map(p -> p.month().regionName() + p.month().composite().toPlainString())
                .collect(Collectors.joining("，"));
    }

    /** The record's body: a sentence, the table and the notes (the chart is the attached image). */
    private static String body(YearMonth month, List<AirMonth.Place> places) {
        StringBuilder b = new StringBuilder();
        String standard = places.get(0).month().standard();
        b.append("<p>").append(HtmlUtils.htmlEscape(month.getYear() + "年" + month.getMonthValue()
                + "月，按环境空气质量综合指数对各县（市、区）及“三区”排名，指数越小，空气质量越好，指数相同的并列。评价标准："
                + ("GB3095-2026".equals(standard) ? "GB 3095—2026（过渡期二级浓度限值）" : "GB 3095—2012（二级浓度限值）")
                + "。")).append("</p>\n");
        b.append("<table><thead><tr><th>排名</th><th>县（市、区）</th><th>综合指数</th><th>优良天数比例（%）</th>"
                + "<th>同比变化（%）</th><th>SO₂</th><th>NO₂</th><th>PM10</th><th>PM2.5</th><th>CO</th><th>O₃</th></tr></thead><tbody>");
        for (AirMonth.Place p : places) {
            AirMonth m = p.month();
            b.append("<tr><td>").append(p.rank() == null ? "不排名" : p.rank()).append("</td><th>")
                    .append(HtmlUtils.htmlEscape(m.regionName())).append("</th><td>").append(text(m.composite()))
                    .append("</td><td>").append(text(m.goodShare())).append("</td><td>").append(text(p.changeOnLastYear()))
                    .append("</td>");
            for (Pollutant c : AirMonth.COLUMNS) {
                b.append("<td>").append(text(m.statistics().get(c))).append("</td>");
            }
            b.append("</tr>");
        }
        b.append("</tbody></table>\n");
        for (AirMonth.Place p : places) {
            if (p.rank() == null) {
                b.append("<p>").append(HtmlUtils.htmlEscape(p.month().regionName() + "：" + p.month().unranked()))
                        .append("</p>\n");
            }
        }
        b.append("<p>").append(HtmlUtils.htmlEscape("浓度单位：μg/m³（一氧化碳为mg/m³）。一氧化碳为日均值第95百分位数，臭氧为日最大8小时平均第90百分位数，其余为月均值。"))
                .append("</p>\n");
        return b.toString();
    }

    private static String text(java.math.BigDecimal v) {
        return v == null ? "—" : v.toPlainString();
    }
}
