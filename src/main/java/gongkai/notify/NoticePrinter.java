package gongkai.notify;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import gongkai.notify.internal.QrCode;
import gongkai.notify.internal.Xhtml;
import gongkai.notify.internal.Xhtml.Markup;

/**
 * Prints a {@link PrintableNotice} (and a {@link PrintableLetter}) as an A4 portrait PDF for a notice board: title, publisher and region, the
 * introduction, 公示期, where to object, a QR code with the access code beside it, the table (its header repeated on
 * every page) and the date, with "第 X 页 共 Y 页" at the foot of each page.
 *
 * <p>The fonts are embedded from the classpath, so the output does not depend on the host's fonts: Droid Sans
 * Fallback for Chinese and Liberation Sans (shipped inside PDFBox) for Latin letters and digits, which Droid Sans
 * Fallback lacks. The document may load nothing from outside; the QR code goes in as a {@code data:} URI.
 */
@Component
public class NoticePrinter {

    private static final String TEMPLATE = "notify/notice.xhtml";
    private static final String LETTER_TEMPLATE = "notify/letter.xhtml";
    private static final String DOCUMENT_TEMPLATE = "notify/document.xhtml";
    private static final String CJK_FONT = "fonts/DroidSansFallbackFull.ttf";
    private static final String LATIN_FONT = "org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final String template;
    private final String letterTemplate;
    private final String documentTemplate;
    private final byte[] cjkFont;
    private final byte[] latinFont;

    public NoticePrinter() {
        this.template = new String(read(TEMPLATE), StandardCharsets.UTF_8);
        this.letterTemplate = new String(read(LETTER_TEMPLATE), StandardCharsets.UTF_8);
        this.documentTemplate = new String(read(DOCUMENT_TEMPLATE), StandardCharsets.UTF_8);
        this.cjkFont = read(CJK_FONT);
        this.latinFont = read(LATIN_FONT);
    }

    /** The notice as a PDF document. */
    public byte[] pdf(PrintableNotice notice) {
        return render(xhtml(notice), "notice '" + notice.title() + "'");
    }

    /** The letter as a PDF document, with the same fonts and page numbers as a notice. */
    public byte[] pdf(PrintableLetter letter) {
        return render(xhtml(letter), "letter '" + letter.title() + "'");
    }

    /** The document as a PDF: its tables keep their merged header cells, and a table's header repeats on each page. */
    public byte[] pdf(PrintableDocument document) {
        return render(xhtml(document), "document '" + document.title() + "'");
    }

    private byte[] render(String xhtml, String what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useFont(() -> new ByteArrayInputStream(latinFont), "Liberation Sans");
        builder.useFont(() -> new ByteArrayInputStream(cjkFont), "Droid Sans Fallback");
        builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
                ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.withProducer("Gongkai");
        builder.withHtmlContent(xhtml, null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot print " + what, e);
        }
        return out.toByteArray();
    }

    String xhtml(PrintableLetter l) {
        StringBuilder body = new StringBuilder();
        for (String p : l.paragraphs()) {
            body.append("<p>").append(Xhtml.escape(p)).append("</p>\n");
        }
        Map<String, Object> values = new HashMap<>();
        values.put("bodyClass", l.demo() ? "demo" : "real");
        values.put("title", l.title());
        values.put("reference", l.reference());
        values.put("addressee", l.addressee());
        values.put("paragraphs", new Markup(body.toString()));
        values.put("sender", l.sender());
        values.put("datedOn", CHINESE_DATE.format(l.datedOn()));
        return Xhtml.fill(letterTemplate, values);
    }

    String xhtml(PrintableDocument d) {
        StringBuilder body = new StringBuilder(16 * 1024);
        for (PrintableDocument.Block b : d.blocks()) {
            if (b instanceof PrintableDocument.Heading h) {
                body.append("<h2>").append(Xhtml.escape(h.text())).append("</h2>\n");
            } else if (b instanceof PrintableDocument.Paragraph p) {
                body.append("<p>").append(Xhtml.escape(p.text())).append("</p>\n");
            } else if (b instanceof PrintableDocument.Table t) {
                table(body, t);
            }
        }
        Map<String, Object> values = new HashMap<>();
        values.put("bodyClass", d.demo() ? "demo" : "real");
        values.put("title", d.title());
        values.put("subtitle", d.subtitle());
        values.put("blocks", new Markup(body.toString()));
        values.put("sender", d.sender());
        values.put("datedOn", CHINESE_DATE.format(d.datedOn()));
        return Xhtml.fill(documentTemplate, values);
    }

    private static void table(StringBuilder out, PrintableDocument.Table t) {
        out.append("<table>");
        if (!t.caption().isBlank()) {
            out.append("<caption>").append(Xhtml.escape(t.caption())).append("</caption>");
        }
        out.append("<thead>");
        for (List<PrintableDocument.Cell> row : t.head()) {
            out.append("<tr>");
            row.forEach(c -> cell(out, "th", c));
            out.append("</tr>");
        }
        out.append("</thead><tbody>");
        for (List<PrintableDocument.Cell> row : t.body()) {
            out.append("<tr>");
            row.forEach(c -> cell(out, c.label() ? "th" : "td", c));
            out.append("</tr>");
        }
        out.append("</tbody></table>\n");
    }

    private static void cell(StringBuilder out, String tag, PrintableDocument.Cell c) {
        out.append('<').append(tag);
        if (c.colspan() > 1) {
            out.append(" colspan=\"").append(c.colspan()).append('"');
        }
        if (c.rowspan() > 1) {
            out.append(" rowspan=\"").append(c.rowspan()).append('"');
        }
        if (c.numeric()) {
            out.append(" class=\"num\"");
        } else if (c.label() && "th".equals(tag)) {
            out.append(" class=\"label\"");
        }
        out.append('>').append(Xhtml.escape(c.text())).append("</").append(tag).append('>');
    }

    /** The document to render; all its wording is in the template, the parts a notice lacks are hidden there. */
    String xhtml(PrintableNotice n) {
        List<String> classes = new ArrayList<>();
        classes.add(n.demo() ? "demo" : "real");
        if (n.regionName().isEmpty()) {
            classes.add("no-region");
        }
        if (n.introduction().isEmpty()) {
            classes.add("no-introduction");
        }
        if (n.rows().isEmpty()) {
            classes.add("no-rows");
        }
        if (n.objectionPhone().isEmpty()) {
            classes.add("no-objection-phone");
        }
        if (n.objectionAddress().isEmpty()) {
            classes.add("no-objection-address");
        }
        classes.add(n.codePage().isEmpty() ? "no-code-page" : "code-page");
        Map<String, Object> values = new HashMap<>();
        values.put("bodyClass", String.join(" ", classes));
        values.put("title", n.title());
        values.put("publisher", n.publisher());
        values.put("regionName", n.regionName());
        values.put("introduction", n.introduction());
        values.put("period", n.period());
        values.put("qr", QrCode.pngDataUri(n.link()));
        values.put("link", n.link());
        values.put("accessCode", n.accessCode());
        values.put("objectionPhone", n.objectionPhone());
        values.put("objectionAddress", n.objectionAddress());
        values.put("codePage", n.codePage());
        values.put("header", new Markup(cells("th", n.columns())));
        values.put("rows", new Markup(rows(n.rows())));
        values.put("publishedOn", CHINESE_DATE.format(n.publishedOn()));
        return Xhtml.fill(template, values);
    }

    private static String rows(List<List<String>> rows) {
        StringBuilder out = new StringBuilder(rows.size() * 120);
        for (List<String> row : rows) {
            out.append("<tr>").append(cells("td", row)).append("</tr>\n");
        }
        return out.toString();
    }

    private static String cells(String tag, List<String> values) {
        StringBuilder out = new StringBuilder();
        for (String v : values) {
            out.append('<').append(tag).append('>').append(Xhtml.escape(v)).append("</").append(tag).append('>');
        }
        return out.toString();
    }

    private static byte[] read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path + " from the classpath", e);
        }
    }
}
