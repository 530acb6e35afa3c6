package gongkai.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import gongkai.account.Accounts;
import gongkai.calendar.WorkingDayCalendar;
import gongkai.catalog.Catalog;
import gongkai.catalog.ReportingPeriod;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.MovableClock;
import gongkai.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Obligations as the city office reads them on 公开情况: each period of a scheduled item and each recorded event of an
 * event item, with its due date in working days and its status from what was published when.
 */
@PlatformTest
@Import(MovableClock.Config.class)
class ObligationsTest {

    /** 铜鼓县 and 靖安县: county governments no other test publishes for. */
    private static final String TONGGU = "tgxzf";
    private static final String JINGAN = "jaxzf";
    private static final String MONTHLY = "sa-recipients";
    private static final String QUARTERLY = "sa-funds";
    private static final String EVENT = "sa-policy";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MovableClock clock;
    @Autowired
    Obligations obligations;
    @Autowired
    ObligationChanges changes;
    @Autowired
    ObligationInbox inbox;
    @Autowired
    DueDates dueDates;
    @Autowired
    WorkingDayCalendar calendar;
    @Autowired
    Catalog catalog;
    @Autowired
    Accounts accounts;

    @AfterEach
    void clear() {
        new SyntheticRecords(jdbc).clear();
        jdbc.update("DELETE FROM obligation_exemption WHERE org_code IN (?, ?)", TONGGU, JINGAN);
        jdbc.update("DELETE FROM disclosure_event WHERE org_code IN (?, ?)", TONGGU, JINGAN);
        jdbc.update("UPDATE assessment_job SET ran_on = NULL");
        clock.reset();
    }

    private Obligation find(String org, String item, String period) {
        return obligations.find(2026, org, null).stream()
                .filter(o -> o.item().equals(item) && o.period().equals(period)).findFirst().orElseThrow();
    }

    @Test
    void everyStatusAsTheCityOfficeSeesItOnTheTwentiethOfNovember() throws Exception {
        clock.setDate(LocalDate.of(2026, 11, 20));
        SyntheticRecords records = new SyntheticRecords(jdbc);
        // September's figures are due on 20 October (the National Day break and its worked Saturday counted).
        String onTime = records.published(MONTHLY, TONGGU, "2026-09", LocalDate.of(2026, 10, 20));
        // August's were due on 14 September; out on the 16th, two working days late.
        records.published(MONTHLY, TONGGU, "2026-08", LocalDate.of(2026, 9, 16));
        String approver = Acting.newUser(accounts, TONGGU, Role.APPROVER);
        mvc.perform(post("/api/v1/obligations/exemptions").with(httpBasic(approver, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"org\":\"tgxzf\",\"item\":\"sa-recipients\",\"period\":\"2026-06\",\"reason\":\"6月无救助发放，已在县政府网站说明\"}"))
                .andExpect(status().isCreated());

        Obligation september = find(TONGGU, MONTHLY, "2026-09");
        assertThat(september.dueOn()).isEqualTo(LocalDate.of(2026, 10, 20));
        assertThat(september.status()).isEqualTo(ObligationStatus.ON_TIME);
        assertThat(september.records()).containsExactly(onTime);
        Obligation august = find(TONGGU, MONTHLY, "2026-08");
        assertThat(august.dueOn()).isEqualTo(LocalDate.of(2026, 9, 14));
        assertThat(august.status()).isEqualTo(ObligationStatus.LATE);
        assertThat(august.workingDaysLate()).isEqualTo(2);
        // October's were due on 13 November: a week later nothing is out, five working days overdue.
        Obligation october = find(TONGGU, MONTHLY, "2026-10");
        assertThat(october.dueOn()).isEqualTo(LocalDate.of(2026, 11, 13));
        assertThat(october.status()).isEqualTo(ObligationStatus.MISSING);
        assertThat(october.workingDaysLate()).isEqualTo(5);
        Obligation november = find(TONGGU, MONTHLY, "2026-11");
        assertThat(november.status()).isEqualTo(ObligationStatus.NOT_DUE);
        assertThat(obligations.find(2026, TONGGU, null)).noneMatch(o -> o.period().equals("2026-12"));
        Obligation june = find(TONGGU, MONTHLY, "2026-06");
        assertThat(june.status()).isEqualTo(ObligationStatus.EXEMPT);
        assertThat(june.exemption()).isEqualTo("6月无救助发放，已在县政府网站说明");

        mvc.perform(get("/api/v1/obligations").param("org", TONGGU).param("year", "2026").param("status", "LATE"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.item == 'sa-recipients')].period", hasItem("2026-08")))
                .andExpect(jsonPath("$[*].status", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("LATE"))));
        mvc.perform(get("/disclosure-status").param("org", TONGGU).param("year", "2026"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("逾期未公开"),
                                org.hamcrest.Matchers.containsString("6月无救助发放"),
                                org.hamcrest.Matchers.containsString("/records/" + onTime))));
        // The page filters by status as the API does, and refuses a status that is none, naming it.
        mvc.perform(get("/disclosure-status").param("org", TONGGU).param("year", "2026").param("status", "EXEMPT"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("6月无救助发放"),
                                org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("/records/" + onTime)))));
        mvc.perform(get("/disclosure-status").param("org", TONGGU).param("year", "2026").param("status", "BOGUS"))
                .andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("而不是“BOGUS”")));
    }

    @Test
    void anExemptionWithoutAReasonOrByAnotherBodyOrForAPeriodOfTheWrongKindIsRefusedAndChangesNothing()
            throws Exception {
        clock.setDate(LocalDate.of(2026, 11, 20));
        String approver = Acting.newUser(accounts, TONGGU, Role.APPROVER);
        String other = Acting.newUser(accounts, JINGAN, Role.APPROVER);
        mvc.perform(post("/api/v1/obligations/exemptions").with(httpBasic(approver, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"org\":\"tgxzf\",\"item\":\"sa-recipients\",\"period\":\"2026-Q2\",\"reason\":\" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("reason")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("period")));
        mvc.perform(post("/api/v1/obligations/exemptions").with(httpBasic(other, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"org\":\"tgxzf\",\"item\":\"sa-recipients\",\"period\":\"2026-06\",\"reason\":\"本月无发放情况\"}"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM obligation_exemption WHERE org_code = ?", Integer.class,
                TONGGU)).isZero();
        assertThat(find(TONGGU, MONTHLY, "2026-06").status()).isEqualTo(ObligationStatus.MISSING);
    }

    @Test
    void anEventStartsItsItemsClockFromTheDayItOccurred() throws Exception {
        clock.setDate(LocalDate.of(2026, 11, 20));
        String editor = Acting.newUser(accounts, JINGAN, Role.EDITOR);
        mvc.perform(post("/api/v1/obligations/events").with(httpBasic(editor, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"org\":\"jaxzf\",\"item\":\"sa-recipients\",\"occurredOn\":\"2026-11-02\",\"description\":\"临时救助标准调整\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("item"));
        mvc.perform(post("/api/v1/obligations/events").with(httpBasic(editor, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"org\":\"jaxzf\",\"item\":\"sa-policy\",\"occurredOn\":\"2026-09-21\",\"description\":\"修订临时救助实施办法\"}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/obligations/events").with(httpBasic(editor, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"org\":\"jaxzf\",\"item\":\"sa-policy\",\"occurredOn\":\"2026-11-16\",\"description\":\"调整特困供养标准\"}"))
                .andExpect(status().isCreated());
        // 21 September plus 20 working days, across the Mid-Autumn and National Day breaks and the worked Saturday of
        // 10 October: 26 October (counted by hand from holidays-cn.csv).
        List<Obligation> events = obligations.find(2026, JINGAN, null).stream().filter(o -> o.item().equals(EVENT))
                .toList();
        assertThat(events).hasSize(2);
        assertThat(events.get(0).dueOn()).isEqualTo(LocalDate.of(2026, 10, 26));
        assertThat(events.get(0).status()).isEqualTo(ObligationStatus.MISSING);
        assertThat(events.get(1).status()).isEqualTo(ObligationStatus.NOT_DUE);
        String answer = new SyntheticRecords(jdbc).published(EVENT, JINGAN, null, LocalDate.of(2026, 10, 26));
        Obligation first = obligations.find(2026, JINGAN, null).stream().filter(o -> o.item().equals(EVENT))
                .findFirst().orElseThrow();
        assertThat(first.status()).isEqualTo(ObligationStatus.ON_TIME);
        assertThat(first.records()).containsExactly(answer);
    }

    @Test
    void theDailyCheckFlagsWhatFallsDueWithinThreeWorkingDaysWhatIsOverdueAndWhatWasNeverPublished() {
        clock.setDate(LocalDate.of(2026, 11, 10));
        inbox.refresh(LocalDate.of(2026, 11, 10));
        List<ObligationFlag> flags = inbox.of(TONGGU);
        // October's figures fall due on 13 November: three working days after the 10th.
        assertThat(flags).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo(ObligationFlag.Kind.DUE_SOON);
            assertThat(f.item()).isEqualTo(MONTHLY);
            assertThat(f.period()).isEqualTo("2026-10");
            assertThat(f.workingDays()).isEqualTo(3);
        });
        assertThat(flags).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo(ObligationFlag.Kind.OVERDUE);
            assertThat(f.period()).isEqualTo("2026-09");
        });
        assertThat(flags).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo(ObligationFlag.Kind.NEVER_PUBLISHED);
            assertThat(f.item()).isEqualTo(QUARTERLY);
        });
        assertThat(flags.get(0).kind()).isEqualTo(ObligationFlag.Kind.OVERDUE);
        // Claimed once a day: a second node's run the same day does nothing.
        assertThat(inbox.runOnce(LocalDate.of(2026, 11, 10))).isTrue();
        assertThat(inbox.runOnce(LocalDate.of(2026, 11, 10))).isFalse();
    }

    /** What the generator decided for one obligation, before the platform computed anything. */
    private record Planned(ObligationStatus status, int workingDaysLate) {
    }

    @Test
    void aGeneratedYearLandsEveryObligationInTheStatusItWasMadeFor() {
        LocalDate today = LocalDate.of(2026, 12, 31);
        clock.setDate(today);
        Random random = new Random(20261231L);
        SyntheticRecords records = new SyntheticRecords(jdbc);
        Map<String, Planned> plan = new HashMap<>();
        for (String org : List.of(TONGGU, JINGAN)) {
            for (String item : List.of(MONTHLY, QUARTERLY)) {
                var schedule = catalog.requireItem(item).schedule();
                ReportingPeriod p = item.equals(MONTHLY) ? ReportingPeriod.month(2026, 1) : ReportingPeriod.quarter(2026, 1);
                for (; p.year() == 2026; p = p.next()) {
                    LocalDate due = dueDates.dueOn(schedule, p);
                    int pick = random.nextInt(4);
                    Planned planned;
                    if (pick == 0) {
                        LocalDate on = due.minusDays(random.nextInt(8));
                        on = on.isBefore(p.firstDay()) ? p.firstDay() : on;
                        planned = on.isAfter(today) ? none(due, today) : new Planned(ObligationStatus.ON_TIME, 0);
                        if (!on.isAfter(today)) {
                            records.published(item, org, p.toString(), on);
                        }
                    } else if (pick == 1) {
                        int k = 1 + random.nextInt(8);
                        LocalDate on = calendar.plusWorkingDays(due, k);
                        if (on.isAfter(today)) {
                            planned = none(due, today);
                        } else {
                            records.published(item, org, p.toString(), on);
                            planned = new Planned(ObligationStatus.LATE, k);
                        }
                    } else if (pick == 2) {
                        String period = p.toString();
                        Acting.as(Acting.actor(Acting.CITY_OFFICE, Role.APPROVER),
                                () -> changes.exempt(new ObligationChanges.NewExemption(org, item, period, null,
                                        "该期间无此类信息（生成的测试数据）"), gongkai.shared.Actor.require()));
                        planned = new Planned(ObligationStatus.EXEMPT, 0);
                    } else {
                        planned = none(due, today);
                    }
                    plan.put(org + "|" + item + "|" + p, planned);
                }
            }
        }
        List<Obligation> computed = new ArrayList<>(obligations.ofYear(2026, today).stream()
                .filter(o -> (o.org().equals(TONGGU) || o.org().equals(JINGAN))
                        && (o.item().equals(MONTHLY) || o.item().equals(QUARTERLY)))
                .toList());
        assertThat(computed).hasSize(plan.size()).hasSize(2 * (12 + 4));
        for (Obligation o : computed) {
            Planned planned = plan.get(o.org() + "|" + o.item() + "|" + o.period());
            assertThat(o.status()).as(o.org() + " " + o.item() + " " + o.period()).isEqualTo(planned.status());
            assertThat(o.workingDaysLate()).as(o.org() + " " + o.item() + " " + o.period())
                    .isEqualTo(planned.workingDaysLate());
        }
        assertThat(computed).extracting(Obligation::status).contains(ObligationStatus.values());
    }

    private Planned none(LocalDate due, LocalDate today) {
        return today.isAfter(due) ? new Planned(ObligationStatus.MISSING, calendar.workingDaysBetween(due, today))
                : new Planned(ObligationStatus.NOT_DUE, 0);
    }
}
