package gongkai.environment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import gongkai.environment.AirMonth;
import gongkai.environment.AirQualityData;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.Role;
import gongkai.support.BackOfficeSignIn;
import gongkai.support.MovableClock;
import gongkai.support.PlatformTest;

/**
 * The environment office's clerk takes a month of air data in from the template filled as a spreadsheet program
 * leaves it (date cells, numbers as numbers, a region by name), from a GB18030 CSV with Chinese headings, and is told
 * every bad cell of a bad file, which changes nothing. Other offices' staff are not offered the desk.
 */
@PlatformTest
@Import(MovableClock.Config.class)
class AirUploadDeskTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    MockMvc mvc;
    @Autowired
    BackOfficeSignIn signIn;
    @Autowired
    MovableClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AirQualityData air;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private int rowsIn(String month) {
        YearMonth m = YearMonth.parse(month);
        return jdbc.queryForObject("SELECT COUNT(*) FROM air_daily WHERE observed_on BETWEEN ? AND ?", Integer.class,
                m.atDay(1), m.atEndOfMonth());
    }

    private RequestPostProcessor clerk() {
        return signIn.asNew("ycshbj", Role.EDITOR);
    }

    @Test
    void theTemplateFilledInASpreadsheetIsTakenInAndRanked() throws Exception {
        clock.setDate(LocalDate.of(2025, 7, 3));
        byte[] template = mvc.perform(get("/admin/environment/air/template.xlsx").with(clerk()))
                .andExpect(status().isOk()).andExpect(content().contentType(XLSX))
                .andExpect(header().string("Content-Disposition", Matchers.containsString("filename*=UTF-8''")))
                .andReturn().getResponse().getContentAsByteArray();

        byte[] filled;
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(template));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            assertThat(wb.getSheetName(1)).isEqualTo("填写说明");
            Sheet data = wb.getSheetAt(0);
            Row head = data.getRow(0);
            assertThat(head.getCell(0).getStringCellValue()).isEqualTo("日期");
            assertThat(head.getCell(8).getStringCellValue()).isEqualTo("PM2.5（μg/m³）");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy/m/d"));
            int r = 1;
            for (int d = 1; d <= 30; d++) {
                for (String region : List.of("360982", "高安市")) {
                    Row row = data.createRow(r++);
                    // A date cell, as Excel makes of "2025/6/1" typed in.
                    row.createCell(0).setCellValue(LocalDate.of(2025, 6, d));
                    row.getCell(0).setCellStyle(date);
                    row.createCell(1).setCellValue(region);
                    double[] values = { 9, 21, 48, 0.7, 101, region.equals("360982") ? 31.5 : 36 };
                    for (int i = 0; i < values.length; i++) {
                        row.createCell(3 + i).setCellValue(values[i]);
                    }
                }
            }
            wb.write(out);
            filled = out.toByteArray();
        }
        mvc.perform(multipart("/admin/environment/air").file(new MockMultipartFile("file", "6月空气.xlsx", XLSX, filled))
                .with(clerk()).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "已导入60行（2025-06-01至2025-06-30）。"))
                .andExpect(flash().attribute("importedMonths", List.of("2025-06")));
        assertThat(rowsIn("2025-06")).isEqualTo(60);
        List<AirMonth.Place> places = air.ranking(YearMonth.of(2025, 6));
        assertThat(places).extracting(p -> p.month().region()).containsExactly("360982", "360983");
        assertThat(places.get(0).month().statistics().get(gongkai.environment.Pollutant.PM25))
                .isEqualByComparingTo("32");

        mvc.perform(get("/admin/environment").with(clerk())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("<th scope=\"row\" data-label=\"月份\">2025-06</th>")))
                .andExpect(content().string(Matchers.containsString("href=\"/admin/environment\">环境数据</a>")));
    }

    @Test
    void aBadSheetIsRefusedWithEveryCellNamedAndChangesNothing() throws Exception {
        clock.setDate(LocalDate.of(2025, 7, 3));
        byte[] bad;
        try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("Sheet1");
            String[] head = { "日期", "县（市、区）", "SO2", "NO2", "PM10", "CO", "O3_8h", "PM2.5" };
            Row h = s.createRow(0);
            for (int i = 0; i < head.length; i++) {
                h.createCell(i).setCellValue(head[i]);
            }
            Object[][] rows = {
                { "2025-05-01", "樟树市", 9, 21, 48, 0.7, 101, 31 },
                { "2025-05-02", "樟树市", 9, 21, 48, 0.7, 101, "缺测" },
                { "2025-05-03", "宜丰", 9, 21, 48, 0.7, 101, 31 },
            };
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(r + 1);
                for (int i = 0; i < rows[r].length; i++) {
                    if (rows[r][i] instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(i).setCellValue((String) rows[r][i]);
                    }
                }
            }
            wb.write(out);
            bad = out.toByteArray();
        }
        MvcResult result = mvc.perform(multipart("/admin/environment/air")
                .file(new MockMultipartFile("file", "5月.xlsx", XLSX, bad)).with(clerk()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        InvalidInputProblem.Report report = (InvalidInputProblem.Report) result.getFlashMap().get("problem");
        assertThat(report.errors()).extracting(e -> e.message()).containsExactly(
                "第3行 pm25：“缺测”不是数字。",
                "第4行 regionCode：“宜丰”不是本市或所辖县（市、区）、功能区的区划代码或名称。");
        assertThat(rowsIn("2025-05")).isZero();

        // An old .xls and an empty choice are refused with what to do instead.
        byte[] xls = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0 };
        MvcResult old = mvc.perform(multipart("/admin/environment/air")
                .file(new MockMultipartFile("file", "5月.xls", "application/vnd.ms-excel", xls)).with(clerk()).with(csrf()))
                .andReturn();
        assertThat(((InvalidInputProblem.Report) old.getFlashMap().get("problem")).message())
                .startsWith("文件“5月.xls”是旧版 Excel（.xls）");
        MvcResult none = mvc.perform(multipart("/admin/environment/air").with(clerk()).with(csrf())).andReturn();
        assertThat(((InvalidInputProblem.Report) none.getFlashMap().get("problem")).message())
                .isEqualTo("请选择要导入的 XLSX 或 CSV 文件。");
        assertThat(rowsIn("2025-05")).isZero();
    }

    @Test
    void aCsvSavedByExcelInGb18030WithChineseHeadingsIsReadToo() throws Exception {
        clock.setDate(LocalDate.of(2025, 7, 3));
        String csv = "监测日期,区划,站点,二氧化硫,二氧化氮,可吸入颗粒物,一氧化碳,臭氧8小时,细颗粒物\r\n"
                + "2025-04-01,樟树市,城南站,8,20,44,0.6,99,29\r\n"
                + "2025-04-01,樟树市,城北站,10,22,46,0.8,101,31\r\n";
        mvc.perform(multipart("/admin/environment/air")
                .file(new MockMultipartFile("file", "4月.csv", "text/csv", csv.getBytes(Charset.forName("GB18030"))))
                .with(clerk()).with(csrf()))
                .andExpect(flash().attribute("notice", "已导入2行（2025-04-01至2025-04-01）。"));
        assertThat(air.daily(LocalDate.of(2025, 4, 1), "360982").aqi()).isNotNull();
        assertThat(rowsIn("2025-04")).isEqualTo(2);
    }

    @Test
    void aCorrectionReplacesTheColumnsItHasAndKeepsTheOthers() throws Exception {
        clock.setDate(LocalDate.of(2025, 7, 3));
        String first = "date,regionCode,so2,no2,pm10,co,o3_8h,pm25\n2025-03-10,360983,9,21,48,0.7,101,\n"
                + "2025-03-11,360983,9,21,48,0.7,101,33\n";
        mvc.perform(multipart("/admin/environment/air").file(new MockMultipartFile("file", "3月.csv", "text/csv",
                first.getBytes(java.nio.charset.StandardCharsets.UTF_8))).with(clerk()).with(csrf()))
                .andExpect(flash().attribute("notice", "已导入2行（2025-03-10至2025-03-11）。"));
        // The analyser's PM2.5 of the 10th arrives later, alone; the 11th's is corrected to "not valid".
        String late = "日期,区划代码,PM2.5（μg/m³）\n2025-03-10,高安市,35\n2025-03-11,高安市,\n";
        MvcResult refused = mvc.perform(multipart("/admin/environment/air").file(new MockMultipartFile("file", "补.csv",
                "text/csv", late.getBytes(java.nio.charset.StandardCharsets.UTF_8))).with(clerk()).with(csrf())).andReturn();
        // A row of no value at all is refused: it would say nothing.
        assertThat(((InvalidInputProblem.Report) refused.getFlashMap().get("problem")).errors())
                .extracting(e -> e.message()).containsExactly("第3行：没有任何污染物浓度。");
        String fixed = "日期,区划代码,PM2.5（μg/m³）\n2025-03-10,高安市,35\n";
        mvc.perform(multipart("/admin/environment/air").file(new MockMultipartFile("file", "补.csv", "text/csv",
                fixed.getBytes(java.nio.charset.StandardCharsets.UTF_8))).with(clerk()).with(csrf()))
                .andExpect(flash().attribute("notice", "已导入1行（2025-03-10至2025-03-10），其中1行替换了原有数据。"));
        assertThat(jdbc.queryForMap("SELECT so2, pm10, co, pm25 FROM air_daily WHERE region_code = '360983' "
                + "AND observed_on = DATE '2025-03-10'")).satisfies(row -> {
                    assertThat((java.math.BigDecimal) row.get("SO2")).isEqualByComparingTo("9");
                    assertThat((java.math.BigDecimal) row.get("PM10")).isEqualByComparingTo("48");
                    assertThat((java.math.BigDecimal) row.get("CO")).isEqualByComparingTo("0.7");
                    assertThat((java.math.BigDecimal) row.get("PM25")).isEqualByComparingTo("35");
                });
        assertThat(rowsIn("2025-03")).isEqualTo(2);
    }

    @Test
    void aSectionIsRegisteredAndItsSamplesTakenInFromASpreadsheet() throws Exception {
        clock.setDate(LocalDate.of(2024, 12, 20));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/admin/environment/water/sections")
                .param("code", "DKW-1").param("name", "DK测试河断面").param("regionCode", "360983").param("waterBody", "river")
                .with(clerk()).with(csrf()))
                .andExpect(flash().attribute("notice", "已登记断面“DK测试河断面”。"));
        MvcResult twice = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/admin/environment/water/sections").param("code", "DKW-1").param("name", "又一个")
                .param("regionCode", "360983").param("waterBody", "sea").with(clerk()).with(csrf())).andReturn();
        assertThat(((InvalidInputProblem.Report) twice.getFlashMap().get("problem")).errors()).hasSize(2);

        byte[] xlsx;
        try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("样品");
            String[] head = { "sampledOn", "sectionCode", "ph", "do", "nh3n", "tp" };
            Row h = s.createRow(0);
            for (int i = 0; i < head.length; i++) {
                h.createCell(i).setCellValue(head[i]);
            }
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            Row r = s.createRow(1);
            r.createCell(0).setCellValue(LocalDate.of(2024, 11, 5));
            r.getCell(0).setCellStyle(date);
            r.createCell(1).setCellValue("DKW-1");
            r.createCell(2).setCellValue(7.4);
            r.createCell(3).setCellValue(6.8);
            r.createCell(4).setCellValue(0.42);
            r.createCell(5).setCellValue(0.09);
            wb.write(out);
            xlsx = out.toByteArray();
        }
        mvc.perform(multipart("/admin/environment/water/samples").file(new MockMultipartFile("file", "11月断面.xlsx",
                XLSX, xlsx)).with(clerk()).with(csrf())).andExpect(flash().attribute("notice", "已导入1个样品。"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM water_sample WHERE section_code = 'DKW-1'", Integer.class))
                .isEqualTo(1);
        mvc.perform(get("/admin/environment").with(clerk())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("DK测试河断面")))
                .andExpect(content().string(Matchers.containsString("href=\"/environment/water/2024-Q4\"")));
    }

    @Test
    void onlyTheEnvironmentOfficesEditorsAreOfferedTheDesk() throws Exception {
        mvc.perform(get("/admin/environment").with(signIn.asNew("ycsmzj", Role.EDITOR))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/environment/air/template.xlsx").with(signIn.asNew("ycsmzj", Role.EDITOR)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin").with(signIn.asNew("ycsmzj", Role.EDITOR))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("/admin/environment"))));
        mvc.perform(get("/admin").with(clerk())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("href=\"/admin/environment\"")));
    }
}
