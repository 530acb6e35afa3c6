package gongkai.publishing.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.util.HtmlUtils;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import gongkai.shared.ChineseText;
import gongkai.shared.HtmlText;

/**
 * The files the demo loader attaches to its fictitious records (示例数据), made at load time so that nothing binary sits
 * in the repository: a policy's text as a PDF, a table as an XLSX workbook, and a 图解 as a PNG image. Each says
 * 示例数据 on its face.
 */
final class DemoFiles {

    private DemoFiles() {
    }

    /** The record's title and body as an A4 document, in the platform's embedded fonts. */
    static byte[] pdf(String title, String publisher, String bodyHtml) {
        StringBuilder x = new StringBuilder("<html><head><style>"
                + "@page{size:A4;margin:25mm 20mm}body{font-family:'Liberation Sans','Droid Sans Fallback';"
                + "font-size:12pt;line-height:1.7}h1{font-size:18pt;text-align:center}"
                + ".demo{color:#a00;text-align:center}.from{text-align:right;margin-top:2em}</style></head><body>");
        x.append("<p class=\"demo\">示例数据：虚构内容，仅供演示</p>");
        x.append("<h1>").append(escape(title)).append("</h1>");
        for (String paragraph : paragraphs(bodyHtml)) {
            x.append("<p>").append(escape(paragraph)).append("</p>");
        }
        x.append("<p class=\"from\">").append(escape(publisher)).append("</p></body></html>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useFont(() -> resource(ChineseText.LATIN_FONT), "Liberation Sans");
        builder.useFont(() -> resource(ChineseText.CJK_FONT), "Droid Sans Fallback");
        builder.withProducer("Gongkai demo");
        builder.withHtmlContent(x.toString(), null);
        builder.toStream(out);
        try {
            builder.run();
            return reproducible(out.toByteArray(), title);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the demo PDF for " + title, e);
        }
    }

    /** A fixed moment for the files' own dates: the same demo makes the same bytes, so their digests hold still. */
    static final java.util.Calendar FIXED = fixed();

    private static java.util.Calendar fixed() {
        java.util.Calendar c = java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("Asia/Shanghai"));
        c.clear();
        c.set(2026, java.util.Calendar.JANUARY, 1, 0, 0, 0);
        return c;
    }

    /** The PDF with fixed dates and a document id made from its title instead of the time it was made. */
    private static byte[] reproducible(byte[] pdf, String title) throws IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getDocumentInformation().setCreationDate(FIXED);
            doc.getDocumentInformation().setModificationDate(FIXED);
            byte[] id = java.util.Arrays.copyOf(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(title.getBytes(java.nio.charset.StandardCharsets.UTF_8)), 16);
            org.apache.pdfbox.cos.COSArray ids = new org.apache.pdfbox.cos.COSArray();
            ids.add(new org.apache.pdfbox.cos.COSString(id));
            ids.add(new org.apache.pdfbox.cos.COSString(id));
            doc.getDocument().getTrailer().setItem(org.apache.pdfbox.cos.COSName.ID, ids);
            doc.save(out);
            return out.toByteArray();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The workbook's zip entries with a fixed time (a zip stamps each entry with the time it was written). */
    private static byte[] reproducibleZip(byte[] zip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip));
                java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out)) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                java.util.zip.ZipEntry copy = new java.util.zip.ZipEntry(e.getName());
                copy.setTime(FIXED.getTimeInMillis());
                z.putNextEntry(copy);
                in.transferTo(z);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** The rows as a workbook: a 示例数据 line, the headings, then the rows, figures as numbers. */
    static byte[] xlsx(String title, List<Map<String, String>> rows) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("数据");
            CellStyle money = book.createCellStyle();
            money.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));
            sheet.createRow(0).createCell(0).setCellValue("示例数据：" + title);
            List<String> columns = rows.isEmpty() ? List.of() : new ArrayList<>(rows.get(0).keySet());
            Row head = sheet.createRow(1);
            for (int c = 0; c < columns.size(); c++) {
                head.createCell(c).setCellValue(columns.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 2);
                for (int c = 0; c < columns.size(); c++) {
                    String v = rows.get(r).getOrDefault(columns.get(c), "");
                    Cell cell = row.createCell(c);
                    if (v.matches("-?\\d+\\.\\d{2}")) {
                        cell.setCellValue(new BigDecimal(v).doubleValue());
                        cell.setCellStyle(money);
                    } else {
                        cell.setCellValue(v);
                    }
                }
            }
            for (int c = 0; c < columns.size(); c++) {
                sheet.setColumnWidth(c, 20 * 256);
            }
            book.getProperties().getCoreProperties().setCreated(java.util.Optional.of(FIXED.getTime()));
            book.getProperties().getCoreProperties().setModified(java.util.Optional.of(FIXED.getTime()));
            book.write(out);
            return reproducibleZip(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the demo workbook for " + title, e);
        }
    }

    /**
     * A tall 图解 image: a heading band, then one panel per line ("heading：text"), and a bar per target
     * ("label=percent"), all marked 示例数据.
     */
    static byte[] graphic(String heading, List<String> panels, Map<String, Integer> bars) {
        int width = 720;
        int panelHeight = 120;
        int barsHeight = bars.isEmpty() ? 0 : 60 + bars.size() * 56;
        int height = 150 + panels.size() * (panelHeight + 16) + barsHeight + 50;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(0xF4, 0xF8, 0xF6));
            g.fillRect(0, 0, width, height);
            g.setColor(new Color(0x1F, 0x6E, 0x4A));
            g.fillRect(0, 0, width, 120);
            g.setColor(Color.WHITE);
            ChineseText.draw(g, heading, 34f, 40, 70);
            ChineseText.draw(g, "示例数据：虚构内容，仅供演示", 16f, 40, 104);
            int y = 150;
            for (int i = 0; i < panels.size(); i++) {
                String[] parts = panels.get(i).split("：", 2);
                g.setColor(Color.WHITE);
                g.fillRoundRect(30, y, width - 60, panelHeight, 16, 16);
                g.setColor(new Color(0x1F, 0x6E, 0x4A));
                g.fillOval(50, y + 24, 44, 44);
                g.setColor(Color.WHITE);
                ChineseText.draw(g, String.valueOf(i + 1), 24f, 65, y + 55);
                g.setColor(new Color(0x1F, 0x6E, 0x4A));
                ChineseText.draw(g, parts[0], 24f, 112, y + 54);
                g.setColor(new Color(0x33, 0x33, 0x33));
                if (parts.length > 1) {
                    drawWrapped(g, parts[1], 17f, 112, y + 86, 24, 30);
                }
                y += panelHeight + 16;
            }
            if (!bars.isEmpty()) {
                g.setColor(new Color(0x33, 0x33, 0x33));
                ChineseText.draw(g, "主要目标", 22f, 40, y + 30);
                y += 56;
                for (Map.Entry<String, Integer> bar : bars.entrySet()) {
                    int full = width - 80;
                    g.setColor(new Color(0xDD, 0xE8, 0xE2));
                    g.fillRect(40, y, full, 28);
                    g.setColor(new Color(0x2C, 0x7F, 0xB8));
                    g.fillRect(40, y, full * Math.min(100, bar.getValue()) / 100, 28);
                    g.setColor(Color.WHITE);
                    ChineseText.draw(g, bar.getKey(), 16f, 50, y + 20);
                    y += 56;
                }
            }
            g.setColor(new Color(0x1F, 0x6E, 0x4A));
            g.setStroke(new BasicStroke(2));
            g.drawLine(30, height - 40, width - 30, height - 40);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void drawWrapped(Graphics2D g, String text, float size, int x, int y, int perLine, int lineHeight) {
        for (int i = 0, line = 0; i < text.length() && line < 2; i += perLine, line++) {
            ChineseText.draw(g, text.substring(i, Math.min(text.length(), i + perLine)), size, x, y + line * lineHeight);
        }
    }

    /** The body's blocks (paragraphs, list items) as plain text. */
    static List<String> paragraphs(String html) {
        List<String> out = new ArrayList<>();
        for (String block : (html == null ? "" : html).split("(?i)</p>|</li>|<br\\s*/?>")) {
            String text = HtmlText.plain(block);
            if (!text.isEmpty()) {
                out.add(text);
            }
        }
        return out;
    }

    private static String escape(String s) {
        return HtmlUtils.htmlEscape(s == null ? "" : s, "UTF-8").replace("&nbsp;", "&#160;");
    }

    private static InputStream resource(String path) {
        try {
            return new ClassPathResource(path).getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }
}
