package gongkai.notify;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A report to print as it is published (a statutory annual report): a title, headings, paragraphs and tables whose
 * header cells may span rows and columns as a national template lays them out. The caller writes every word and
 * decides the layout; the printer escapes all text and sets it on A4 pages with page numbers.
 *
 * @param subtitle a line under the title (e.g. the index number); may be blank
 * @param sender   the body that publishes it, printed with the date at the end
 * @param demo     fictitious data: every page says 示例数据
 */
public record PrintableDocument(String title, String subtitle, List<Block> blocks, String sender, LocalDate datedOn,
        boolean demo) {

    public PrintableDocument {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(datedOn, "datedOn");
        subtitle = subtitle == null ? "" : subtitle.strip();
        blocks = List.copyOf(blocks);
    }

    /** One part of the document, in order. {@link #kind()} names it for templates. */
    public sealed interface Block permits Heading, Paragraph, Table {
        String kind();
    }

    /** A section heading, e.g. 一、总体情况. */
    public record Heading(String text) implements Block {
        public String kind() {
            return "heading";
        }
    }

    /** A paragraph of plain text, printed with a first-line indent. */
    public record Paragraph(String text) implements Block {
        public String kind() {
            return "paragraph";
        }
    }

    /**
     * A table: header rows and body rows of cells. A header row may hold fewer cells than the table has columns where
     * cells above span into it, exactly as in HTML.
     */
    public record Table(String caption, List<List<Cell>> head, List<List<Cell>> body) implements Block {
        public Table {
            caption = caption == null ? "" : caption;
            head = head.stream().map(List::copyOf).toList();
            body = body.stream().map(List::copyOf).toList();
        }

        public String kind() {
            return "table";
        }
    }

    /**
     * @param numeric right-aligned figures
     * @param label   a row label cell in the body (printed as a row header)
     */
    public record Cell(String text, int colspan, int rowspan, boolean numeric, boolean label) {
        public Cell {
            text = text == null ? "" : text;
            colspan = Math.max(1, colspan);
            rowspan = Math.max(1, rowspan);
        }

        public static Cell label(String text) {
            return new Cell(text, 1, 1, false, true);
        }

        public static Cell label(String text, int colspan, int rowspan) {
            return new Cell(text, colspan, rowspan, false, true);
        }

        public static Cell figure(String text) {
            return new Cell(text, 1, 1, true, false);
        }
    }
}
