package gongkai.opendata.internal.download;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import gongkai.opendata.ColumnType;
import gongkai.opendata.Dataset;
import gongkai.opendata.DatasetChange;
import gongkai.opendata.DatasetColumn;
import gongkai.opendata.Datasets;
import gongkai.opendata.DownloadFormat;
import gongkai.shared.NotFoundProblem;
import gongkai.shared.PlatformConfiguration;
import gongkai.shared.PublicAddress;

/**
 * The downloads of the datasets: one dataset's rows (of one year or all) as CSV, XLSX or JSON, and the bulk zip of
 * every dataset's rows of one year. Rows are streamed from {@link Datasets#rows} straight into the writer, so memory
 * stays the same however large the dataset; call these from the thread that owns the response, not from a
 * {@code StreamingResponseBody} (the rows come through a cursor inside a read-only transaction).
 */
@Component
public class DatasetDownloads {

    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private final Datasets datasets;
    private final PublicAddress address;
    private final JsonMapper json;
    private final Clock clock;

    DatasetDownloads(Datasets datasets, PublicAddress address, JsonMapper json, Clock clock) {
        this.datasets = datasets;
        this.address = address;
        this.json = json;
        this.clock = clock;
    }

    /** One download: a dataset's rows of a year (null: all years) in a format. */
    public record Download(Dataset dataset, Integer year, DownloadFormat format) {

        public String scope() {
            return year == null ? "all" : year.toString();
        }

        /** The ASCII name of the file: {@code <dataset>-<scope>.<ext>}. */
        public String fileName() {
            return dataset.name() + "-" + scope() + "." + format.extension();
        }

        /** The name a reader sees: the dataset's title and the scope. */
        public String title() {
            return dataset.title() + "（" + (year == null ? "全部年度" : year + "年") + "）." + format.extension();
        }

        public Instant modified() {
            return dataset.modified();
        }
    }

    /**
     * The download a path names ({@code <name>}, {@code <scope>.<ext>}), or a 404 problem naming what is wrong: the
     * dataset, the format, the scope, or a year without rows.
     */
    public Download download(String name, String file) {
        Dataset dataset = datasets.require(name);
        int dot = file == null ? -1 : file.lastIndexOf('.');
        String scope = dot < 0 ? file : file.substring(0, dot);
        String ext = dot < 0 ? "" : file.substring(dot + 1);
        DownloadFormat format = DownloadFormat.parse(ext).filter(f -> f.extension().equalsIgnoreCase(ext))
                .orElseThrow(() -> new NotFoundProblem("不支持的下载格式“" + ext + "”：可下载 csv、xlsx 或 json。"));
        if ("all".equalsIgnoreCase(scope)) {
            if (dataset.rowCount() == 0) {
                throw new NotFoundProblem("数据集“" + dataset.title() + "”目前没有数据（其记录已全部撤回）。");
            }
            return new Download(dataset, null, format);
        }
        if (scope == null || !YEAR.matcher(scope).matches()) {
            throw new NotFoundProblem("下载范围“" + scope + "”无效：应为 all（全部年度）或四位年份，如 "
                    + LocalDate.now(clock.withZone(PlatformConfiguration.CHINA)).getYear() + "。");
        }
        int year = Integer.parseInt(scope);
        if (!dataset.rowsByYear().containsKey(year)) {
            throw new NotFoundProblem("数据集“" + dataset.title() + "”没有" + year + "年的数据" + years(
                    dataset.rowsByYear().keySet().stream().sorted(Comparator.reverseOrder()).toList()));
        }
        return new Download(dataset, year, format);
    }

    /** A weak validator of a download: the same while the dataset's rows stay the same. */
    public String etag(Download d, HeaderForm header) {
        return "W/\"" + d.dataset().name() + "-" + d.scope() + "-" + d.format().extension() + "-"
                + header.name().toLowerCase(Locale.ROOT) + "-" + millis(d.modified()) + "\"";
    }

    /** Writes the download to the stream, which it leaves open; answers how many rows it held. */
    public long write(Download d, HeaderForm header, OutputStream out) throws IOException {
        OutputStream kept = new KeptOpen(out);
        DownloadInfo info = new DownloadInfo(d.dataset(), d.year(), address.link(d.dataset().path()),
                clock.instant());
        TableWriter writer = switch (d.format()) {
            case CSV -> new CsvTableWriter(kept, d.dataset().columns(), header);
            case XLSX -> new XlsxTableWriter(kept, d.dataset().columns(), header, info);
            case JSON -> new JsonTableWriter(json, kept, d.dataset().columns(), info);
        };
        return write(writer, d.dataset(), d.year());
    }

    private long write(TableWriter writer, Dataset dataset, Integer year) throws IOException {
        boolean done = false;
        try {
            writer.begin();
            long rows = datasets.rows(dataset, year, 0, writer);
            writer.end(rows);
            done = true;
            return rows;
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        } finally {
            if (!done && writer instanceof XlsxTableWriter x) {
                x.abandon();
            }
        }
    }

    /** The bulk download of a year ({@code <year>.zip}): its datasets, or a 404 problem naming what is wrong. */
    public Bulk bulk(String file) {
        String year = file != null && file.toLowerCase(Locale.ROOT).endsWith(".zip")
                ? file.substring(0, file.length() - 4) : null;
        if (year == null || !YEAR.matcher(year).matches()) {
            throw new NotFoundProblem("批量下载“" + file + "”不存在：地址应为 /data/bulk/<四位年份>.zip，如 /data/bulk/"
                    + LocalDate.now(clock.withZone(PlatformConfiguration.CHINA)).getYear() + ".zip。");
        }
        int y = Integer.parseInt(year);
        List<Dataset> of = datasets.all().stream().filter(d -> d.rowsByYear().containsKey(y)).toList();
        if (of.isEmpty()) {
            throw new NotFoundProblem(y + "年没有公开的数据集数据" + years(datasets.years()));
        }
        // A withdrawal that empties a dataset leaves it out of the list: the newest change counts too.
        Instant modified = of.stream().map(Dataset::modified).max(Comparator.naturalOrder()).orElseThrow();
        List<DatasetChange> newest = datasets.changes(1);
        long change = newest.isEmpty() ? 0 : newest.get(0).id();
        if (!newest.isEmpty() && newest.get(0).at().isAfter(modified)) {
            modified = newest.get(0).at();
        }
        return new Bulk(y, of, modified, "W/\"bulk-" + y + "-" + change + "-" + millis(modified) + "\"");
    }

    /** Every dataset's rows of one year. */
    public record Bulk(int year, List<Dataset> datasets, Instant modified, String etag) {

        public String fileName() {
            return "opendata-" + year + ".zip";
        }

        public String title() {
            return "宜春市政府信息公开数据集（" + year + "年）.zip";
        }
    }

    /**
     * Writes the bulk zip to the stream, which it leaves open: {@code README.txt}, the index {@code datasets.csv},
     * then each dataset's rows of the year as {@code <name>.csv} (Chinese headers, with a BOM).
     */
    public void writeBulk(Bulk bulk, OutputStream out) throws IOException {
        Instant at = clock.instant();
        ZipOutputStream zip = new ZipOutputStream(new KeptOpen(out), StandardCharsets.UTF_8);
        zip.putNextEntry(entry("README.txt", at));
        Writer readme = new OutputStreamWriter(new KeptOpen(zip), StandardCharsets.UTF_8);
        readme.write(readme(bulk, at));
        readme.flush();
        zip.closeEntry();
        zip.putNextEntry(entry("datasets.csv", at));
        CsvTableWriter index = new CsvTableWriter(new KeptOpen(zip), INDEX, HeaderForm.LABELS);
        index.begin();
        for (Dataset d : bulk.datasets()) {
            index.accept(List.of(d.name(), d.title(), d.orgName(), d.domainName(),
                    Long.toString(d.rowsByYear().get(bulk.year())), d.licence().title(),
                    address.link(d.path()), d.name() + ".csv"));
        }
        index.end(bulk.datasets().size());
        zip.closeEntry();
        for (Dataset d : bulk.datasets()) {
            zip.putNextEntry(entry(d.name() + ".csv", at));
            write(new CsvTableWriter(new KeptOpen(zip), d.columns(), HeaderForm.LABELS), d, bulk.year());
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }

    /** The columns of the bulk zip's index. */
    private static final List<DatasetColumn> INDEX = List.of(
            new DatasetColumn("name", "数据集名称", ColumnType.TEXT, true),
            new DatasetColumn("title", "标题", ColumnType.TEXT, true),
            new DatasetColumn("publisher", "发布机构", ColumnType.TEXT, true),
            new DatasetColumn("field", "领域", ColumnType.TEXT, true),
            new DatasetColumn("rows", "行数", ColumnType.INTEGER, true),
            new DatasetColumn("licence", "许可协议", ColumnType.TEXT, true),
            new DatasetColumn("page", "页面地址", ColumnType.TEXT, true),
            new DatasetColumn("file", "文件", ColumnType.TEXT, true));

    private String readme(Bulk bulk, Instant at) {
        var licence = bulk.datasets().get(0).licence();
        boolean demo = bulk.datasets().stream().anyMatch(Dataset::demo);
        long rows = bulk.datasets().stream().mapToLong(d -> d.rowsByYear().get(bulk.year())).sum();
        return String.join("\r\n",
                "宜春市政府信息公开平台 · 开放数据批量下载（" + bulk.year() + "年）",
                "",
                "本压缩包含平台上全部向社会公开的结构化数据中属于" + bulk.year() + "年的行：共 " + bulk.datasets().size()
                        + " 个数据集、" + rows + " 行。",
                "每个数据集一个 CSV 文件（<数据集名称>.csv），UTF-8 编码（带 BOM，可直接用 Excel 打开），第一行为中文表头；"
                        + "datasets.csv 是数据集目录（名称、标题、发布机构、领域、行数、许可协议、页面地址）。",
                "数据与各条政府信息公开页面上所示一致：涉及个人隐私的内容已按公开页面的方式处理，面向特定区域、特定群体公开的信息不在其中。",
                "以 = + - @ 或制表符、回车开头的文字前加了单引号 '，以免电子表格把它当作公式执行；数值列中的数字保持为数字。",
                "",
                "许可协议：" + licence.title() + "（" + licence.url() + "）。使用时请注明来源：" + address.link("/data") + "。",
                demo ? "注意：其中含演示用的虚构数据（示例数据），不是真实信息。" : "",
                "下载时间：" + DownloadInfo.beijing(at),
                "各数据集的字段说明、按年度或全部年度的 CSV、XLSX、JSON 下载见各自页面。",
                "");
    }

    private static ZipEntry entry(String name, Instant at) {
        ZipEntry e = new ZipEntry(name);
        e.setTime(at.toEpochMilli());
        return e;
    }

    private static String years(List<Integer> years) {
        return years.isEmpty() ? "。" : "；有数据的年份：" + years.stream().map(String::valueOf)
                .collect(Collectors.joining("、")) + "。";
    }

    private static long millis(Instant t) {
        return t == null ? 0 : t.toEpochMilli();
    }

    /** The caller's stream, which a writer may flush but not close (a response, a zip with more entries to come). */
    private static final class KeptOpen extends FilterOutputStream {

        KeptOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
