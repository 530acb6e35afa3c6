package gongkai.environment.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import gongkai.region.Region;

/**
 * The XLSX a clerk of the environment office downloads, fills with a month of daily values and uploads again: the
 * headings in Chinese with their units (the import also takes the codes of the API), date cells formatted as dates,
 * numbers as numbers; a sheet 填写说明 with the rules and a sheet 区划代码 with the regions data are taken for.
 */
final class AirImportTemplate {

    static final List<String[]> COLUMNS = List.of(
            new String[] { "日期", "必填。监测日期，日期格式，如 2026-11-01。" },
            new String[] { "区划代码", "必填。县（市、区）或功能区的区划代码，也可填名称，如 360902 或 袁州区；见“区划代码”表。" },
            new String[] { "站点", "选填。站点名称；不填表示该县（市、区）的日均值。同一天既有站点又有日均值时，以日均值为准；只有站点时取各站点的平均。" },
            new String[] { "SO2（μg/m³）", "二氧化硫24小时平均。" },
            new String[] { "NO2（μg/m³）", "二氧化氮24小时平均。" },
            new String[] { "PM10（μg/m³）", "可吸入颗粒物24小时平均。" },
            new String[] { "CO（mg/m³）", "一氧化碳24小时平均，单位为毫克每立方米。" },
            new String[] { "O3_8h（μg/m³）", "臭氧日最大8小时滑动平均。" },
            new String[] { "PM2.5（μg/m³）", "细颗粒物24小时平均。" },
            new String[] { "O3_1h（μg/m³）", "选填。臭氧日最大1小时平均；2026年3月1日起不参与日空气质量指数。" });

    private AirImportTemplate() {
    }

    static byte[] build(List<Region> regions) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));

            Sheet data = workbook.createSheet("空气质量日数据");
            Row head = data.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                head.createCell(i).setCellValue(COLUMNS.get(i)[0]);
                head.getCell(i).setCellStyle(header);
                data.setColumnWidth(i, (i == 2 ? 16 : 14) * 256);
            }
            // Dates as date cells and the region as text, so that Excel neither shows a serial number nor drops a code.
            data.setDefaultColumnStyle(0, date);
            data.setDefaultColumnStyle(1, text);
            data.setDefaultColumnStyle(2, text);
            data.createFreezePane(0, 1);

            Sheet guide = workbook.createSheet("填写说明");
            guide.setColumnWidth(0, 18 * 256);
            guide.setColumnWidth(1, 90 * 256);
            String[][] rules = {
                { "说明", "每行为一个县（市、区）或站点一天的浓度。整个文件一并检查：有一处错误则全部不导入，并逐行列出错误。" },
                { "更正", "再次导入同一日期、区划和站点的数据即为更正：文件中有的污染物列替换原有数据（留空表示无效），文件中没有的列保留原值；更正记入审计日志。" },
                { "缺测", "未监测或数据无效的项目留空，不要填0或“-”。" },
                { "格式", "保存为 Excel 工作簿（.xlsx）或 CSV（逗号分隔）；不接受旧版 .xls。第一行为表头，列的顺序不限。" },
            };
            int r = 0;
            for (String[] rule : rules) {
                Row row = guide.createRow(r++);
                row.createCell(0).setCellValue(rule[0]);
                row.getCell(0).setCellStyle(header);
                row.createCell(1).setCellValue(rule[1]);
            }
            r++;
            for (String[] column : COLUMNS) {
                Row row = guide.createRow(r++);
                row.createCell(0).setCellValue(column[0]);
                row.createCell(1).setCellValue(column[1]);
            }

            Sheet codes = workbook.createSheet("区划代码");
            codes.setColumnWidth(0, 14 * 256);
            codes.setColumnWidth(1, 24 * 256);
            Row codeHead = codes.createRow(0);
            codeHead.createCell(0).setCellValue("区划代码");
            codeHead.createCell(1).setCellValue("名称");
            codeHead.getCell(0).setCellStyle(header);
            codeHead.getCell(1).setCellStyle(header);
            int c = 1;
            for (Region region : regions) {
                Row row = codes.createRow(c++);
                row.createCell(0).setCellValue(region.code());
                row.createCell(1).setCellValue(region.name());
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build the air import template", e);
        }
    }
}
