package gongkai.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.MovableClock;
import gongkai.support.PlatformTest;

/**
 * Pollution-source monitoring: an enterprise registered with a checked credit code, its outlets, uploads taken in
 * all or nothing with every bad cell named, exceedances judged against an upper limit or a range (pH 6～9), and the
 * periods missing or late as the days go by.
 */
@PlatformTest
@Import(MovableClock.Config.class)
class PollutionSourcesTest {

    private static final Actor BUREAU = new Actor("pst-bureau", "ycshbj", EnumSet.of(Role.EDITOR), false);

    @Autowired
    PollutionSources sources;
    @Autowired
    MovableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Enterprise register(String credit, String name) {
        return Acting.as(BUREAU, () -> sources.register(new PollutionSources.NewEnterprise(credit, name, "360902",
                "造纸和纸制品业")));
    }

    private void outlet(String credit, String code, String frequency, String from, String pollutants) {
        Acting.as(BUREAU, () -> sources.defineOutlet(credit, new PollutionSources.NewOutlet(code, "总排放口", "废水",
                frequency, from, pollutants)));
    }

    private int upload(String credit, String csv) {
        return Acting.as(BUREAU, () -> sources.importCsv(credit, csv.getBytes(StandardCharsets.UTF_8)));
    }

    private int stored(String credit) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM pollution_result WHERE credit_code = ?", Integer.class, credit);
    }

    @Test
    void registrationChecksTheCreditCodeAndWhoRegisters() {
        InvalidInputProblem bad = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputProblem.class,
                () -> Acting.as(BUREAU, () -> sources.register(new PollutionSources.NewEnterprise("91360902MA0PLUT01X",
                        "", "999999", ""))));
        assertThat(bad.errors()).extracting(InvalidInputProblem.FieldError::message).contains(
                "统一社会信用代码不正确（应为18位，末位校验码须符合GB 32100）。", "单位名称不能为空，且不能超过200个字。",
                "所在区划应为本市或所辖县（市、区）的区划代码，而不是“999999”。", "所属行业不能为空，且不能超过100个字。");
        // An editor of another department may not register one.
        assertThatThrownBy(() -> Acting.as(Acting.actor("ycsmzj", Role.EDITOR), () -> sources.register(
                new PollutionSources.NewEnterprise("91360902MA0PLUT022", "测试甲公司", "360902", "化工"))))
                .isInstanceOf(AccessDeniedProblem.class);
    }

    @Test
    void aBadFileIsRefusedWholeWithEveryCellNamed() {
        clock.setDate(LocalDate.of(2026, 5, 20));
        String credit = "91360902MA0PLUT01Y";
        register(credit, "测试乙造纸有限公司（单元测试）");
        outlet(credit, "DW001", "DAILY", "2026-05-01", "化学需氧量,80,mg/L\npH值,6-9,无量纲");
        String csv = "outlet,pollutant,value,limit,unit,measuredAt\n"
                + "DW001,化学需氧量,35,,mg/L,2026-05-02 08:00\n"
                + "DW009,化学需氧量,35,,,2026-05-02 08:00\n"
                + "DW001,总磷,0.2,,,2026-05-02 08:00\n"
                + "DW001,化学需氧量,abc,,,2026-05-03 08:00\n"
                + "DW001,化学需氧量,-1,,,2026-05-04 08:00\n"
                + "DW001,化学需氧量,30,,,2026-06-01 08:00\n"
                + "DW001,化学需氧量,30,,,2026-05-32\n"
                + "DW001,化学需氧量,36,,,2026-05-02 08:00\n"
                + "DW001,化学需氧量,30,,g/L,2026-05-05 08:00\n"
                + "DW001,化学需氧量,30,六十,,2026-05-06 08:00\n";
        InvalidInputProblem p = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputProblem.class,
                () -> upload(credit, csv));
        assertThat(p.errors()).extracting(InvalidInputProblem.FieldError::message).containsExactly(
                "第3行 outlet：“DW009”不是本单位登记的排放口（已登记：DW001）。",
                "第4行 pollutant：排放口DW001不监测“总磷”（监测项目：化学需氧量、pH值）。",
                "第5行 value：“abc”不是数字。",
                "第6行 value：监测值不能为负数（“-1”）。",
                "第7行 measuredAt：2026-06-01 08:00是将来的时间。",
                "第8行 measuredAt：应为2026-03-01 08:00这样的时间，而不是“2026-05-32”。",
                "第9行：与第2行重复（同一排放口、污染物和监测时间）。",
                "第10行 unit：单位应为“mg/L”（与排放口登记的一致），而不是“g/L”。",
                "第11行 limit：应为数字（如100）、范围（如6-9）或“≥5”，而不是“六十”。");
        assertThat(stored(credit)).isZero();

        assertThat(upload(credit, "outlet,pollutant,value,measuredAt\nDW001,化学需氧量,35,2026-05-02 08:00\n")).isEqualTo(1);
        // The same result again is refused, naming when it was uploaded; nothing more is stored.
        assertThatThrownBy(() -> upload(credit, "outlet,pollutant,value,measuredAt\nDW001,化学需氧量,35,2026-05-02T08:00\n"))
                .isInstanceOf(InvalidInputProblem.class)
                .satisfies(e -> assertThat(((InvalidInputProblem) e).errors().get(0).message())
                        .isEqualTo("第2行：DW001 化学需氧量 2026-05-02 08:00的结果已于2026-05-20 10:00上传，不能重复上传。"));
        assertThatThrownBy(() -> upload(credit, "outlet,value,measuredAt\nDW001,35,2026-05-02\n"))
                .isInstanceOf(InvalidInputProblem.class)
                .satisfies(e -> assertThat(((InvalidInputProblem) e).errors().get(0).message())
                        .contains("缺少“pollutant”"));
        // The JSON rows name a bad one by its number.
        assertThatThrownBy(() -> Acting.as(BUREAU, () -> sources.importRows(credit, List.of(Map.of("outlet", "DW001",
                "pollutant", "pH值", "value", "x", "measuredAt", "2026-05-03 08:00")))))
                .isInstanceOf(InvalidInputProblem.class)
                .satisfies(e -> assertThat(((InvalidInputProblem) e).errors().get(0).message())
                        .isEqualTo("第1条 value：“x”不是数字。"));
        assertThat(stored(credit)).isEqualTo(1);
        // Another department's editor may not upload for the enterprise.
        assertThatThrownBy(() -> Acting.as(Acting.actor("ycsmzj", Role.EDITOR), () -> sources.importCsv(credit,
                "outlet,pollutant,value,measuredAt\nDW001,化学需氧量,35,2026-05-03 08:00\n".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(AccessDeniedProblem.class);
    }

    @Test
    void exceedancesAgainstAnUpperLimitAndTheRangeOfPh() {
        clock.setDate(LocalDate.of(2026, 5, 20));
        String credit = "91360902MA0PLBR01M";
        register(credit, "测试丙化工有限公司（单元测试）");
        outlet(credit, "DW001", "DAILY", "2026-05-01", "化学需氧量,80,mg/L\npH值,6～9,无量纲");
        upload(credit, "outlet,pollutant,value,limit,measuredAt\n"
                + "DW001,化学需氧量,100,,2026-05-02 08:00\n"
                + "DW001,化学需氧量,80,,2026-05-03 08:00\n"
                + "DW001,化学需氧量,61.7,60,2026-05-04 08:00\n"
                + "DW001,pH值,9.4,,2026-05-02 08:00\n"
                + "DW001,pH值,5.9,,2026-05-03 08:00\n"
                + "DW001,pH值,6,,2026-05-04 08:00\n");
        List<MonitoringResult> rows = sources.results(credit, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31));
        assertThat(rows).hasSize(6);
        MonitoringResult cod100 = find(rows, "化学需氧量", "100");
        assertThat(cod100.exceeded()).isTrue();
        assertThat(cod100.multiple()).isEqualByComparingTo("0.25");
        assertThat(cod100.exceedanceLabel()).isEqualTo("超标 0.25倍");
        assertThat(find(rows, "化学需氧量", "80").exceeded()).as("at the limit is within it").isFalse();
        // The limit of the row (60) replaces the outlet's: (61.7 − 60) / 60 = 0.02833 → 0.03.
        MonitoringResult own = find(rows, "化学需氧量", "61.7");
        assertThat(own.limit().text()).isEqualTo("≤60");
        assertThat(own.multiple()).isEqualByComparingTo("0.03");
        MonitoringResult high = find(rows, "pH值", "9.4");
        assertThat(high.exceeded()).isTrue();
        assertThat(high.multiple()).as("a range has no 超标倍数").isNull();
        assertThat(high.exceedanceLabel()).isEqualTo("超标");
        assertThat(find(rows, "pH值", "5.9").exceeded()).isTrue();
        assertThat(find(rows, "pH值", "6").exceeded()).isFalse();
        assertThat(high.limit().text()).isEqualTo("6～9");

        EnterpriseStatus status = sources.byCounty().stream().flatMap(c -> c.enterprises().stream())
                .filter(s -> s.enterprise().creditCode().equals(credit)).findFirst().orElseThrow();
        assertThat(status.exceedances12m()).as("COD 100, COD 61.7 over its own 60, pH 9.4 and 5.9").isEqualTo(4);
        assertThat(status.latestStatus()).isEqualTo("最近一次监测有超标");

        // The same from the XLSX an enterprise keeps: a date-time cell and a number cell.
        byte[] xlsx;
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            org.apache.poi.ss.usermodel.Sheet sheet = wb.createSheet("监测结果");
            String[] head = { "outlet", "pollutant", "value", "measuredAt" };
            org.apache.poi.ss.usermodel.Row h = sheet.createRow(0);
            for (int i = 0; i < head.length; i++) {
                h.createCell(i).setCellValue(head[i]);
            }
            org.apache.poi.ss.usermodel.CellStyle when = wb.createCellStyle();
            when.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            org.apache.poi.ss.usermodel.Row r = sheet.createRow(1);
            r.createCell(0).setCellValue("DW001");
            r.createCell(1).setCellValue("化学需氧量");
            r.createCell(2).setCellValue(96);
            r.createCell(3).setCellValue(java.time.LocalDateTime.of(2026, 5, 5, 8, 0));
            r.getCell(3).setCellStyle(when);
            wb.write(out);
            xlsx = out.toByteArray();
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        byte[] file = xlsx;
        assertThat(Acting.as(BUREAU, () -> sources.importSheet(credit, "5月.xlsx", file))).isEqualTo(1);
        MonitoringResult fromSheet = find(sources.results(credit, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31)),
                "化学需氧量", "96");
        assertThat(fromSheet.multiple()).as("(96 − 80) / 80").isEqualByComparingTo("0.2");
    }

    private static MonitoringResult find(List<MonitoringResult> rows, String pollutant, String value) {
        return rows.stream().filter(r -> r.pollutant().equals(pollutant) && r.value().compareTo(new BigDecimal(value)) == 0)
                .findFirst().orElseThrow();
    }

    @Test
    void periodsMissingAfterTheirDeadlineAndResultsThatCameLate() {
        String credit = "91360902MA0PLLT01C";
        clock.setDate(LocalDate.of(2026, 1, 5));
        register(credit, "测试丁陶瓷有限公司（单元测试）");
        outlet(credit, "DA001", "MONTHLY", "2026-01-01", "颗粒物,30,mg/m³");
        // January's result arrives on 5 February, before its deadline (10 days after the month).
        clock.setDate(LocalDate.of(2026, 2, 5));
        upload(credit, "outlet,pollutant,value,measuredAt\nDA001,颗粒物,12,2026-01-15 09:00\n");
        assertThat(gaps(credit)).isEmpty();
        // On 10 March February is still within its deadline; on 11 March it is missing.
        clock.setDate(LocalDate.of(2026, 3, 10));
        assertThat(gaps(credit)).isEmpty();
        clock.setDate(LocalDate.of(2026, 3, 11));
        assertThat(gaps(credit)).extracting(g -> g.period() + " " + g.status() + " " + g.deadline())
                .containsExactly("2026年2月 缺报 2026-03-10");
        // It arrives on 20 March: no longer missing, but late.
        clock.setDate(LocalDate.of(2026, 3, 20));
        upload(credit, "outlet,pollutant,value,measuredAt\nDA001,颗粒物,14,2026-02-14 09:00\n");
        assertThat(gaps(credit)).extracting(g -> g.period() + " " + g.status())
                .containsExactly("2026年2月 迟报");
        // Months later the window (92 days by default) has moved past both; April is missing.
        clock.setDate(LocalDate.of(2026, 5, 12));
        assertThat(gaps(credit)).extracting(g -> g.period() + " " + g.status())
                .containsExactly("2026年4月 缺报", "2026年3月 缺报", "2026年2月 迟报");
    }

    private List<UploadGap> gaps(String credit) {
        return sources.gaps().stream().filter(g -> g.enterprise().creditCode().equals(credit)).toList();
    }
}
