package gongkai.reporting.internal;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.web.util.HtmlUtils;

import gongkai.notify.PrintableDocument;
import gongkai.notify.PrintableDocument.Block;
import gongkai.notify.PrintableDocument.Cell;
import gongkai.notify.PrintableDocument.Heading;
import gongkai.notify.PrintableDocument.Paragraph;
import gongkai.notify.PrintableDocument.Table;
import gongkai.reporting.AnnualReportContent;
import gongkai.reporting.EnteredFigure;
import gongkai.reporting.ReportSection;
import gongkai.reporting.ReportTable;

/**
 * Lays a report out as the national format does (国办公开办函〔2021〕30号, regulatory.md §2): the six sections in order,
 * table 二 in its four blocks under their clauses of 条例 第二十条, table 三 with its three header rows and row-span
 * labels, table 四 as one row of fifteen figures. One layout serves the page, the record's body and the PDF.
 */
final class ReportLayout {

    static final String CHECK_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

    private ReportLayout() {
    }

    static PrintableDocument document(AnnualReportContent c, String indexNo, LocalDate datedOn, boolean demo) {
        return new PrintableDocument(c.title(), indexNo == null ? "" : "索引号：" + indexNo, blocks(c), c.orgName(),
                datedOn, demo);
    }

    static List<Block> blocks(AnnualReportContent c) {
        List<Block> out = new ArrayList<>();
        out.add(new Paragraph("本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》"
                + "（国办公开办函〔2021〕30号）编制。本报告所列数据的统计期限自" + c.year() + "年1月1日起至" + c.year()
                + "年12月31日止。" + (c.levelReport() && c.covers().size() > 1
                        ? "本报告汇总" + String.join("、", c.covers()) + "的情况。" : "")));
        out.add(new Heading(ReportSection.OVERVIEW.heading()));
        paragraphs(out, c.section(ReportSection.OVERVIEW));
        out.add(new Heading(ReportAssembler.PROACTIVE_TITLE));
        out.add(proactive(c.proactive()));
        out.add(new Heading(ReportAssembler.REQUESTS_TITLE));
        out.add(requests(c.requests()));
        out.add(new Heading(ReportAssembler.APPEALS_TITLE));
        out.add(appeals(c.appeals()));
        out.add(new Heading(ReportSection.PROBLEMS.heading()));
        paragraphs(out, c.section(ReportSection.PROBLEMS));
        out.add(new Heading(ReportSection.OTHER.heading()));
        out.add(new Paragraph(fees(c.fees())));
        paragraphs(out, c.section(ReportSection.OTHER));
        if (c.assessment() != null) {
            out.add(new Heading("工作考核、社会评议和责任追究结果"));
            out.add(new Paragraph(c.assessment().summary()));
            c.assessment().lines().forEach(l -> out.add(new Paragraph(l)));
            paragraphs(out, c.section(ReportSection.ACCOUNTABILITY));
        }
        return out;
    }

    /** Section 六's sentence on 信息处理费 (国办函〔2020〕109号), from the requests. */
    static String fees(AnnualReportContent.Fees f) {
        if (f == null || f.requestsCharged() == 0) {
            return "本年度未收取政府信息公开信息处理费。";
        }
        return "本年度依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）对" + f.requestsCharged()
                + "件政府信息公开申请收取信息处理费，合计" + yuan(f.collectedYuan()) + "元。";
    }

    static String yuan(BigDecimal amount) {
        return new DecimalFormat("#,##0.00").format(amount == null ? BigDecimal.ZERO : amount);
    }

    private static void paragraphs(List<Block> out, String text) {
        List<String> parts = Arrays.stream((text == null ? "" : text).split("\\R")).map(String::strip)
                .filter(p -> !p.isEmpty()).toList();
        if (parts.isEmpty()) {
            out.add(new Paragraph("无。"));
        }
        parts.forEach(p -> out.add(new Paragraph(p)));
    }

    private static Table proactive(ReportTable t) {
        List<List<Cell>> body = new ArrayList<>();
        String block = null;
        for (ReportTable.Row r : t.rows()) {
            if (!r.heading().equals(block)) {
                block = r.heading();
                body.add(List.of(Cell.label(block, 4, 1)));
                boolean documents = r.values().containsKey("ISSUED");
                body.add(documents
                        ? List.of(Cell.label("信息内容"), Cell.label("本年制发件数"), Cell.label("本年废止件数"), Cell.label("现行有效件数"))
                        : List.of(Cell.label("信息内容"), Cell.label(r.values().containsKey("AMOUNT")
                                ? EnteredFigure.FEES.column() : EnteredFigure.LICENSING.column(), 3, 1)));
            }
            if (r.values().containsKey("ISSUED")) {
                body.add(List.of(Cell.label(r.label()), Cell.figure(figure(r.values().get("ISSUED"))),
                        Cell.figure(figure(r.values().get("REPEALED"))), Cell.figure(figure(r.values().get("IN_FORCE")))));
            } else {
                Object v = r.values().containsKey("AMOUNT") ? r.values().get("AMOUNT") : r.values().get("DECISIONS");
                body.add(List.of(Cell.label(r.label()), new Cell(figure(v), 3, 1, true, false)));
            }
        }
        return new Table("", List.of(), body);
    }

    private static Table requests(ReportTable t) {
        List<List<Cell>> head = List.of(
                List.of(Cell.label(CHECK_NOTE, 3, 3), Cell.label("申请人情况", 7, 1)),
                List.of(Cell.label("自然人", 1, 2), Cell.label("法人或其他组织", 5, 1), Cell.label("总计", 1, 2)),
                List.of(Cell.label("商业企业"), Cell.label("科研机构"), Cell.label("社会公益组织"), Cell.label("法律服务机构"),
                        Cell.label("其他")));
        List<List<Cell>> body = new ArrayList<>();
        List<ReportTable.Row> rows = t.rows();
        int outcomeRows = rows.size() - 3; // the outcome rows and （七）总计 sit under 三、本年度办理结果
        String group = null;
        for (int i = 0; i < rows.size(); i++) {
            ReportTable.Row r = rows.get(i);
            List<Cell> line = new ArrayList<>();
            if (i == 0 || i == 1 || i == rows.size() - 1) {
                line.add(Cell.label(r.label(), 3, 1));
            } else {
                if (i == 2) {
                    line.add(Cell.label("三、本年度办理结果", 1, outcomeRows));
                }
                if (r.heading() == null) {
                    line.add(Cell.label(r.label(), 2, 1));
                    group = null;
                } else {
                    if (!r.heading().equals(group)) {
                        group = r.heading();
                        String g = group;
                        long span = rows.stream().filter(x -> g.equals(x.heading())).count();
                        line.add(Cell.label(group, 1, (int) span));
                    }
                    line.add(Cell.label(r.label()));
                }
            }
            t.columns().forEach(col -> line.add(Cell.figure(figure(r.values().get(col.code())))));
            body.add(line);
        }
        return new Table("", head, body);
    }

    private static Table appeals(ReportTable t) {
        List<Cell> results = new ArrayList<>();
        for (int g = 0; g < 3; g++) {
            for (String label : AppealGroup.RESULT_LABELS) {
                results.add(Cell.label(label));
            }
        }
        List<List<Cell>> head = List.of(
                List.of(Cell.label("行政复议", 5, 2), Cell.label("行政诉讼", 10, 1)),
                List.of(Cell.label("未经复议直接起诉", 5, 1), Cell.label("复议后起诉", 5, 1)),
                results);
        List<Cell> figures = new ArrayList<>();
        for (ReportTable.Row r : t.rows()) {
            for (String code : AppealGroup.RESULTS) {
                figures.add(Cell.figure(figure(r.values().get(code))));
            }
        }
        return new Table("", head, List.of(figures));
    }

    private static String figure(Object v) {
        return v == null ? "未填" : String.valueOf(v);
    }

    /** The same layout as an HTML fragment for the record's body (the body sanitiser's allow-list keeps all of it). */
    static String html(AnnualReportContent c) {
        StringBuilder out = new StringBuilder(32 * 1024);
        for (Block b : blocks(c)) {
            if (b instanceof Heading h) {
                out.append("<h2>").append(HtmlUtils.htmlEscape(h.text())).append("</h2>\n");
            } else if (b instanceof Paragraph p) {
                out.append("<p>").append(HtmlUtils.htmlEscape(p.text())).append("</p>\n");
            } else if (b instanceof Table t) {
                out.append("<table>");
                if (!t.head().isEmpty()) {
                    out.append("<thead>");
                    t.head().forEach(row -> row(out, row, true));
                    out.append("</thead>");
                }
                out.append("<tbody>");
                t.body().forEach(row -> row(out, row, false));
                out.append("</tbody></table>\n");
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, List<Cell> row, boolean head) {
        out.append("<tr>");
        for (Cell cell : row) {
            String tag = head || cell.label() ? "th" : "td";
            out.append('<').append(tag);
            if (cell.colspan() > 1) {
                out.append(" colspan=\"").append(cell.colspan()).append('"');
            }
            if (cell.rowspan() > 1) {
                out.append(" rowspan=\"").append(cell.rowspan()).append('"');
            }
            out.append('>').append(HtmlUtils.htmlEscape(cell.text())).append("</").append(tag).append('>');
        }
        out.append("</tr>");
    }
}
