package gongkai.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers compared with snapshot files as JSON text, so that the ORDER OF OBJECT KEYS COUNTS (Jackson's own tree
 * equality ignores it) as well as the order of array elements. With {@code write} the snapshots are (re)written instead; without it a missing snapshot is a
 * difference. Differences are collected, so that one run shows all of them.
 */
public final class JsonSnapshots {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Path folder;
    private final boolean write;
    private final List<String> differences = new ArrayList<>();

    public JsonSnapshots(Path folder, boolean write) {
        this.folder = folder;
        this.write = write;
    }

    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** Compares (or writes) one answer; {@code answer} is the whole tree stored in the file. */
    public void check(String name, JsonNode answer) {
        Path file = folder.resolve(name + ".json");
        String actual = JSON.writeValueAsString(answer) + "\n";
        try {
            if (write) {
                Files.createDirectories(folder);
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                differences.add(name + ": no snapshot " + file + " (write them with -Dapi.contract.write=true)");
                return;
            }
            String expected = Files.readString(file, StandardCharsets.UTF_8);
            if (!JSON.writeValueAsString(parse(expected)).equals(JSON.writeValueAsString(answer))) {
                differences.add(name + ":\n--- snapshot\n" + expected + "--- now\n" + actual);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> differences() {
        return differences;
    }
}
