package gongkai.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Reads the reference data files (regions, organisations, catalogue, holidays). A file of the same name in
 * {@code <data dir>/reference/} takes the place of the built-in one, so an office can add next year's holidays or
 * its own catalogue without a new build.
 */
@Component
public class ReferenceFiles {

    private final Path overrideDir;

    public ReferenceFiles(GongkaiProperties properties) {
        this.overrideDir = properties.referenceOverrideDir();
    }

    /** One data line of a CSV file, by column name, with its line number for messages. */
    public record Row(int line, Map<String, String> values) {
        public String get(String column) {
            String v = values.get(column);
            return v == null ? "" : v;
        }
    }

    /** Where the named file is read from, for the log. */
    public String describe(String name) {
        Path override = overrideDir.resolve(name);
        return Files.isRegularFile(override) ? override.toAbsolutePath().toString() : "classpath:reference/" + name;
    }

    public InputStream open(String name) {
        try {
            Path override = overrideDir.resolve(name);
            if (Files.isRegularFile(override)) {
                return Files.newInputStream(override);
            }
            return new ClassPathResource("reference/" + name).getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read reference file " + name, e);
        }
    }

    public String readString(String name) {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read reference file " + name, e);
        }
    }

    /**
     * Reads a CSV file whose lines starting with {@code #} are comments. Values hold no quotes; the last column may
     * hold commas (the organisations file's free-text "role in the plan" does), so each line is split into at most
     * as many parts as the header has columns.
     */
    public List<Row> readCsv(String name) {
        List<Row> rows = new ArrayList<>();
        String[] header = null;
        String[] lines = readString(name).split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String[] parts = line.split(",", header == null ? -1 : header.length);
            if (header == null) {
                header = Arrays.stream(parts).map(String::strip).toArray(String[]::new);
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int c = 0; c < header.length; c++) {
                values.put(header[c], c < parts.length ? parts[c].strip() : "");
            }
            rows.add(new Row(i + 1, values));
        }
        return rows;
    }
}
