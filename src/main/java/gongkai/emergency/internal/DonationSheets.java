package gongkai.emergency.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import gongkai.emergency.DonationEntry;
import gongkai.emergency.Donations;

/**
 * A campaign's ledger as downloads, with the same public columns as the page (natural persons masked, anonymous donors
 * as 匿名): CSV in UTF-8 with a BOM whose text cells that a spreadsheet would take for a formula (starting with = + - @
 * tab or CR) get a leading apostrophe, as OWASP's "CSV Injection" advises, while numbers stay numbers; and XLSX with
 * typed cells, streamed so that a large ledger does not sit in memory.
 */
final class DonationSheets {

    static final List<String> HEADER = List.of("编号", "日期", "类型", "物资/资金", "单位", "数量/金额", "捐赠人", "用途",
            "受助方", "冲正的条目", "收据号");

    private DonationSheets() {
    }

    static void csv(Donations donations, long campaignId, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        w.write(String.join(",", HEADER.stream().map(DonationSheets::text).toList()));
        w.write("\r\n");
        try {
            donations.eachEntry(campaignId, e -> {
                try {
                    w.write(e.id() + "," + e.date() + "," + text(e.kind().label()) + ","
                            + text(e.category().isMoney() ? "资金" : e.category().item()) + ","
                            + text(e.category().unit()) + "," + number(e.amount()) + "," + text(source(e)) + ","
                            + text(e.purpose()) + "," + text(e.publicRecipient()) + ","
                            + (e.reverses() == null ? "" : e.reverses()) + "," + text(e.receiptNo()) + "\r\n");
                } catch (IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            });
        } catch (java.io.UncheckedIOException ex) {
            throw ex.getCause();
        }
        w.flush();
    }

    static void xlsx(Donations donations, long campaignId, OutputStream out) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(500)) {
            Sheet sheet = book.createSheet("捐赠台账");
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle amount = book.createCellStyle();
            amount.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));
            Row head = sheet.createRow(0);
            for (int i = 0; i < HEADER.size(); i++) {
                head.createCell(i).setCellValue(HEADER.get(i));
            }
            int[] n = {1};
            donations.eachEntry(campaignId, e -> {
                Row r = sheet.createRow(n[0]++);
                r.createCell(0).setCellValue(e.id());
                var d = r.createCell(1);
                d.setCellValue(e.date());
                d.setCellStyle(date);
                r.createCell(2).setCellValue(e.kind().label());
                r.createCell(3).setCellValue(e.category().isMoney() ? "资金" : e.category().item());
                r.createCell(4).setCellValue(e.category().unit());
                var a = r.createCell(5);
                a.setCellValue(e.amount().doubleValue());
                if (e.category().isMoney()) {
                    a.setCellStyle(amount);
                }
                cell(r, 6, source(e));
                cell(r, 7, e.purpose());
                cell(r, 8, e.publicRecipient());
                if (e.reverses() != null) {
                    r.createCell(9).setCellValue(e.reverses());
                }
                cell(r, 10, e.receiptNo());
            });
            book.write(out);
            book.dispose();
        }
    }

    private static void cell(Row r, int column, String value) {
        if (value != null) {
            // POI writes a string as a string cell: a spreadsheet never evaluates it as a formula.
            r.createCell(column).setCellValue(value);
        }
    }

    private static String source(DonationEntry e) {
        return e.kind().name().equals("RECEIPT") ? e.publicSource() : null;
    }

    private static String number(BigDecimal n) {
        return n.toPlainString();
    }

    /** A quoted text cell; one that could start a formula gets a leading apostrophe. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = value;
        char first = v.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
