package gongkai.publishing.input;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.Checksum;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Files built to hurt a parser, generated at test time: small uploads that inflate to hundreds of megabytes, and
 * XML that expands without end. Deflating hundreds of megabytes would take seconds, so a repeated chunk is
 * compressed once after a full flush (which empties the compressor's window) and its output repeated: each copy
 * then decodes to the same chunk, and the stream stays valid.
 */
public final class HostileFiles {

    private HostileFiles() {
    }

    /**
     * A one-page PDF whose single content stream inflates to {@code megabytes} MB of text-showing operators: a
     * text extractor collects every glyph of a page before it writes the page, so memory runs out long before any
     * character limit is reached. This is the shape of the 2.7 MB upload that exhausted the platform's heap.
     */
    public static byte[] pdfWithInflatingText(int megabytes) {
        return pdfWithInflatingContent(megabytes, "(" + "A".repeat(60) + ") Tj\n");
    }

    /**
     * A one-page PDF whose single content stream, {@code unit} repeated inside a text object, inflates to
     * {@code megabytes} MB.
     */
    public static byte[] pdfWithInflatingContent(int megabytes, String unit) {
        byte[] chunk = unit.repeat(1024 * 1024 / unit.length()).getBytes(StandardCharsets.US_ASCII);
        byte[] stream = deflate("BT /F1 1 Tf 0 0 Td\n".getBytes(StandardCharsets.US_ASCII), chunk, megabytes,
                "ET\n".getBytes(StandardCharsets.US_ASCII), true);
        return pdf(Map.of(), stream);
    }

    /**
     * A PDF whose page tree holds a million pages in three small objects: the root's 1000 kids are one node whose
     * 1000 kids are one page. A parser that walks the tree visits a million pages.
     */
    public static byte[] pdfWithAMillionPages() {
        String kids = "4 0 R ".repeat(1000);
        String pages = "3 0 R ".repeat(1000);
        Map<Integer, String> objects = new LinkedHashMap<>();
        objects.put(2, "<< /Type /Pages /Kids [" + pages + "] /Count 1000000 >>");
        objects.put(3, "<< /Type /Pages /Parent 2 0 R /Kids [" + kids + "] /Count 1000 >>");
        objects.put(4, "<< /Type /Page /Parent 3 0 R /MediaBox [0 0 612 792] /Contents 5 0 R >>");
        return pdf(objects, deflate("BT /F1 12 Tf 72 700 Td (page) Tj ET\n".getBytes(StandardCharsets.US_ASCII),
                new byte[0], 0, new byte[0], true));
    }

    /**
     * A PDF with a catalogue (1), the given objects, and a last object holding a Flate stream; without objects, a
     * page tree of one page (2, 3) whose contents are that stream.
     */
    private static byte[] pdf(Map<Integer, String> given, byte[] flateStream) {
        Map<Integer, String> objects = new LinkedHashMap<>();
        objects.put(1, "<< /Type /Catalog /Pages 2 0 R >>");
        if (given.isEmpty()) {
            objects.put(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
            objects.put(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font"
                    + " << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>");
        } else {
            objects.putAll(given);
        }
        int streamObject = objects.size() + 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long[] offsets = new long[streamObject + 1];
        write(out, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        for (Map.Entry<Integer, String> o : objects.entrySet()) {
            offsets[o.getKey()] = out.size();
            write(out, o.getKey() + " 0 obj\n" + o.getValue() + "\nendobj\n");
        }
        offsets[streamObject] = out.size();
        write(out, streamObject + " 0 obj\n<< /Length " + flateStream.length + " /Filter /FlateDecode >>\nstream\n");
        out.writeBytes(flateStream);
        write(out, "\nendstream\nendobj\n");
        long xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (streamObject + 1) + "\n0000000000 65535 f \n");
        for (int i = 1; i <= streamObject; i++) {
            table.append(String.format("%010d 00000 n \n", offsets[i]));
        }
        table.append("trailer\n<< /Size ").append(streamObject + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        write(out, table.toString());
        return out.toByteArray();
    }

    /** An XLSX workbook whose first sheet's XML, of inline-string rows, unpacks to {@code megabytes} MB. */
    public static byte[] xlsxBomb(int megabytes) {
        StringBuilder rows = new StringBuilder();
        while (rows.length() < 1024 * 1024) {
            rows.append("<row><c t=\"inlineStr\"><is><t>AAAAAAAAAAAAAAAAAAAAAAAA</t></is></c></row>");
        }
        byte[] chunk = rows.substring(0, rows.lastIndexOf("<row>")).getBytes(StandardCharsets.UTF_8);
        byte[] head = ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\""
                + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c t=\"inlineStr\"><is><t>名称</t></is></c></row>").getBytes(StandardCharsets.UTF_8);
        byte[] tail = "</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8);
        return workbookWithSheet(head, chunk, megabytes, tail);
    }

    /** An XLSX workbook whose first sheet declares "billion laughs" entities and uses the last one. */
    public static byte[] xlsxEntityBomb() {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE worksheet [<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 12; i++) {
            doctype.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        doctype.append("]>");
        byte[] sheet = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + doctype + "<worksheet xmlns=\""
                + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">"
                + "<c t=\"inlineStr\"><is><t>&l12;</t></is></c></row></sheetData></worksheet>")
                .getBytes(StandardCharsets.UTF_8);
        return workbookWithSheet(sheet, new byte[0], 0, new byte[0]);
    }

    /** An XLSX workbook whose first sheet is the given XML rows (inside {@code sheetData}). */
    public static byte[] xlsxWithRows(String rows) {
        return workbookWithSheet(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\""
                + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" + rows
                + "</sheetData></worksheet>").getBytes(StandardCharsets.UTF_8), new byte[0], 0, new byte[0]);
    }

    /** An ordinary workbook written by POI, its first sheet's XML replaced by head, chunk × repeats, tail. */
    private static byte[] workbookWithSheet(byte[] head, byte[] chunk, int repeats, byte[] tail) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("数据").createRow(0).createCell(0).setCellValue("名称");
            workbook.write(out);
            try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(out.toByteArray()))) {
                ZipEntry entry;
                while ((entry = zip.getNextEntry()) != null) {
                    parts.put(entry.getName(), zip.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        int count = 0;
        for (Map.Entry<String, byte[]> part : parts.entrySet()) {
            boolean sheet = part.getKey().equals("xl/worksheets/sheet1.xml");
            byte[] data;
            long size;
            CRC32 crc = new CRC32();
            if (sheet) {
                data = deflate(head, chunk, repeats, tail, false);
                crc.update(head);
                for (int i = 0; i < repeats; i++) {
                    crc.update(chunk);
                }
                crc.update(tail);
                size = head.length + (long) chunk.length * repeats + tail.length;
            } else {
                data = deflate(part.getValue(), new byte[0], 0, new byte[0], false);
                crc.update(part.getValue());
                size = part.getValue().length;
            }
            byte[] name = part.getKey().getBytes(StandardCharsets.UTF_8);
            int offset = zip.size();
            // Local file header, then the central directory entry that points at it.
            le(zip, 0x04034b50, 4);
            le(zip, 20, 2);
            le(zip, 0x0800, 2);
            le(zip, 8, 2);
            le(zip, 0, 4);
            le(zip, crc.getValue(), 4);
            le(zip, data.length, 4);
            le(zip, size, 4);
            le(zip, name.length, 2);
            le(zip, 0, 2);
            zip.writeBytes(name);
            zip.writeBytes(data);
            le(central, 0x02014b50, 4);
            le(central, 20, 2);
            le(central, 20, 2);
            le(central, 0x0800, 2);
            le(central, 8, 2);
            le(central, 0, 4);
            le(central, crc.getValue(), 4);
            le(central, data.length, 4);
            le(central, size, 4);
            le(central, name.length, 2);
            le(central, 0, 2);
            le(central, 0, 2);
            le(central, 0, 2);
            le(central, 0, 2);
            le(central, 0, 4);
            le(central, offset, 4);
            central.writeBytes(name);
            count++;
        }
        int directory = zip.size();
        zip.writeBytes(central.toByteArray());
        le(zip, 0x06054b50, 4);
        le(zip, 0, 2);
        le(zip, 0, 2);
        le(zip, count, 2);
        le(zip, count, 2);
        le(zip, central.size(), 4);
        le(zip, directory, 4);
        le(zip, 0, 2);
        return zip.toByteArray();
    }

    /**
     * Deflates head, then chunk {@code repeats} times, then tail, compressing the chunk only once: after a full
     * flush the compressor starts afresh, so the chunk's compressed form is the same wherever it stands.
     *
     * @param zlib with the zlib header and Adler-32 trailer (PDF's FlateDecode), else raw (ZIP)
     */
    static byte[] deflate(byte[] head, byte[] chunk, int repeats, byte[] tail, boolean zlib) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, !zlib);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(flushed(deflater, head));
        Checksum adler = new Adler32();
        adler.update(head, 0, head.length);
        if (repeats > 0) {
            byte[] once = flushed(deflater, chunk);
            for (int i = 0; i < repeats; i++) {
                out.writeBytes(once);
                adler.update(chunk, 0, chunk.length);
            }
        }
        out.writeBytes(flushed(deflater, tail));
        adler.update(tail, 0, tail.length);
        deflater.end();
        // A final, empty block with fixed codes: BFINAL=1, BTYPE=01, end-of-block; the stream is byte-aligned here.
        out.write(0x03);
        out.write(0x00);
        if (zlib) {
            long sum = adler.getValue();
            out.write((int) (sum >>> 24));
            out.write((int) (sum >>> 16));
            out.write((int) (sum >>> 8));
            out.write((int) sum);
        }
        return out.toByteArray();
    }

    private static byte[] flushed(Deflater deflater, byte[] input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        deflater.setInput(input);
        byte[] buffer = new byte[64 * 1024];
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
            out.write(buffer, 0, n);
        } while (n == buffer.length || !deflater.needsInput());
        return out.toByteArray();
    }

    private static void le(ByteArrayOutputStream out, long value, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (value >>> (8 * i)));
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
