package gongkai.notify;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * 公示: a notice to print and pin on a village or community notice board (公示栏), with its table of facts and the
 * way to the record online.
 *
 * @param title        the full title, e.g. "关于2026年第四季度城乡低保对象名单的公示"
 * @param publisher    the organisation that publishes it and receives objections
 * @param regionName   the village, community or township it concerns; may be blank
 * @param period       公示期 as text, e.g. "2026年11月27日至2026年12月3日"
 * @param introduction the paragraph before the table; may be blank
 * @param columns      the table's header row
 * @param rows         the table's rows, each as wide as {@code columns}, personal information already masked by the
 *                     caller: the printer prints what it is given
 * @param link         absolute URL that opens the record with its access code
 * @param accessCode   查阅码, for typing in by those who cannot scan
 * @param publishedOn  the date the notice is dated
 * @param demo         fictitious data: every page says 示例数据
 * @param objectionPhone   异议受理电话 of the publisher; may be blank (the line is left out)
 * @param objectionAddress 异议受理地址 of the publisher; may be blank (the line is left out)
 * @param codePage     absolute URL of the page that takes a 查阅码 alone; may be blank
 */
public record PrintableNotice(String title, String publisher, String regionName, String period, String introduction,
        List<String> columns, List<List<String>> rows, String link, String accessCode, LocalDate publishedOn,
        boolean demo, String objectionPhone, String objectionAddress, String codePage) {

    /** A notice with no objection contact and no code page: the sentences that need them are left out. */
    public PrintableNotice(String title, String publisher, String regionName, String period, String introduction,
            List<String> columns, List<List<String>> rows, String link, String accessCode, LocalDate publishedOn,
            boolean demo) {
        this(title, publisher, regionName, period, introduction, columns, rows, link, accessCode, publishedOn, demo,
                "", "", "");
    }

    public PrintableNotice {
        title = required(title, "title");
        publisher = required(publisher, "publisher");
        period = required(period, "period");
        link = required(link, "link");
        accessCode = required(accessCode, "accessCode");
        Objects.requireNonNull(publishedOn, "publishedOn");
        regionName = regionName == null ? "" : regionName.strip();
        introduction = introduction == null ? "" : introduction.strip();
        objectionPhone = objectionPhone == null ? "" : objectionPhone.strip();
        objectionAddress = objectionAddress == null ? "" : objectionAddress.strip();
        codePage = codePage == null ? "" : codePage.strip();
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("A notice needs at least one column");
        }
        int width = columns.size();
        rows = rows.stream().map(row -> {
            if (row.size() != width) {
                throw new IllegalArgumentException("Row has " + row.size() + " cells, the table " + width + " columns");
            }
            return row.stream().map(cell -> cell == null ? "" : cell).toList();
        }).toList();
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value.strip();
    }
}
