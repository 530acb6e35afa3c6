package gongkai.reporting.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import gongkai.calendar.WorkingDayCalendar;
import gongkai.org.Organisation;
import gongkai.org.Organisations;
import gongkai.reporting.AnnualReportYear;
import gongkai.reporting.AnnualReports;

/**
 * The annual report's reminders: on each working day of the new year until a body's report for the year before is
 * published, the body is told what is still missing and how many working days are left — or, past the due date (31
 * January, or 31 March for a level report, moved past rest days), that it is late. One reminder per body and day,
 * claimed in the database so that one node writes it; shown in 后台 → 年度报告. Late publication itself is judged from
 * the dates wherever a report is listed, and by the obligations of the catalogue's report items.
 */
@Component
class ReportReminders {

    private static final Logger log = LoggerFactory.getLogger(ReportReminders.class);

    private final AnnualReports reports;
    private final ReportWork work;
    private final Organisations organisations;
    private final WorkingDayCalendar calendar;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ReportReminders(AnnualReports reports, ReportWork work, Organisations organisations, WorkingDayCalendar calendar,
            JdbcTemplate jdbc, Clock clock) {
        this.reports = reports;
        this.work = work;
        this.organisations = organisations;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A reminder as staff read it. */
    record Reminder(String org, int year, LocalDate on, String message) {
    }

    @SchedulerLock(name = "reporting.reminders", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
    @Scheduled(cron = "${gongkai.reporting.reminders-cron:0 40 6 * * *}", zone = "Asia/Shanghai")
    void daily() {
        int n = remind(LocalDate.now(clock)).size();
        if (n > 0) {
            log.info("Annual-report reminders of {}: {}", LocalDate.now(clock), n);
        }
    }

    /**
     * Writes the day's reminders, none on a rest day; returns those this call wrote (another node's, or an earlier
     * run's of the same day, are not written twice).
     */
    @Transactional
    List<Reminder> remind(LocalDate today) {
        List<Reminder> out = new ArrayList<>();
        if (!calendar.isWorkingDay(today)) {
            return out;
        }
        int year = today.getYear() - 1;
        for (Organisation org : organisations.all()) {
            if (reports.itemOf(org).isEmpty()) {
                continue;
            }
            AnnualReportYear y = reports.years(org.code()).stream().filter(r -> r.year() == year).findFirst()
                    .orElse(null);
            if (y == null || y.published()) {
                continue;
            }
            String message = message(org, y, today);
            int written = jdbc.update("INSERT INTO annual_report_reminder (org_code, report_year, reminded_on, message) "
                    + "SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM annual_report_reminder WHERE org_code = ? "
                    + "AND report_year = ? AND reminded_on = ?)", org.code(), year, today, message, org.code(), year,
                    today);
            if (written == 1) {
                out.add(new Reminder(org.code(), year, today, message));
            }
        }
        return out;
    }

    /** The latest reminder of a body, if its report for last year is still unpublished. */
    List<Reminder> latest(String orgCode) {
        return jdbc.query("SELECT org_code, report_year, reminded_on, message FROM annual_report_reminder "
                + "WHERE org_code = ? ORDER BY reminded_on DESC FETCH FIRST 1 ROWS ONLY",
                (rs, i) -> new Reminder(rs.getString(1), rs.getInt(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4)), orgCode).stream()
                .filter(r -> reports.years(orgCode).stream().anyMatch(y -> y.year() == r.year() && !y.published()))
                .toList();
    }

    private String message(Organisation org, AnnualReportYear y, LocalDate today) {
        String state;
        if (today.isAfter(y.dueOn())) {
            state = "已超过发布期限" + y.dueOn() + "，逾期" + calendar.workingDaysBetween(y.dueOn(), today)
                    + "个工作日，请尽快发布。";
        } else {
            int left = calendar.workingDaysBetween(today, y.dueOn());
            state = "发布期限为" + y.dueOn() + (left == 0 ? "（今天）" : "（还有" + left + "个工作日）") + "。";
        }
        return y.title() + "尚未发布，" + state + work.progress(org.code(), y.year());
    }
}
