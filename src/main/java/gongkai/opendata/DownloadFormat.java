package gongkai.opendata;

import java.util.Arrays;
import java.util.Optional;

/** The forms a dataset's rows are downloaded in. */
public enum DownloadFormat {
    CSV("csv", "CSV", "text/csv"),
    XLSX("xlsx", "XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    JSON("json", "JSON", "application/json");

    private final String extension;
    private final String label;
    private final String mediaType;

    DownloadFormat(String extension, String label, String mediaType) {
        this.extension = extension;
        this.label = label;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The name CKAN gives the format ({@code res_format}). */
    public String label() {
        return label;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format named by a file extension or a CKAN format name, in any case. */
    public static Optional<DownloadFormat> parse(String text) {
        return text == null ? Optional.empty() : Arrays.stream(values())
                .filter(f -> f.extension.equalsIgnoreCase(text.strip()) || f.label.equalsIgnoreCase(text.strip()))
                .findFirst();
    }
}
