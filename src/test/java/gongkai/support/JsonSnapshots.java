package gongkai.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers compared with snapshot files as JSON trees in which the ORDER OF OBJECT KEYS COUNTS (Jackson's own tree
 * equality ignores it). With {@code write} the snapshots are (re)written instead; without it a missing snapshot is a
 * difference. Differences are collected, so that one run shows all of them.
 */
public final class JsonSnapshots {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Path folder;
    private final boolean write;
    private final List<String> differences = new ArrayList<>();

    private final BiPredicate<String, String> unorderedKeys;
    private final BiPredicate<String, String> unorderedElements;

    /**
     * @param unorderedKeys     for a snapshot name and a path from the body ({@code $}, {@code $.org},
     *                          {@code $.errors[*]}), whether that object's keys come in no defined order
     * @param unorderedElements the same for arrays whose elements come in no defined order
     */
    public JsonSnapshots(Path folder, boolean write, BiPredicate<String, String> unorderedKeys,
            BiPredicate<String, String> unorderedElements) {
        this.folder = folder;
        this.write = write;
        this.unorderedKeys = unorderedKeys;
        this.unorderedElements = unorderedElements;
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
            Loose loose = new Loose(path -> unorderedKeys.test(name, path),
                    path -> unorderedElements.test(name, path));
            String want = JSON.writeValueAsString(canonicalBody(parse(expected), loose));
            String got = JSON.writeValueAsString(canonicalBody(answer, loose));
            if (!want.equals(got)) {
                differences.add(name + ":\n--- snapshot\n" + expected + "--- now\n" + actual);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> differences() {
        return differences;
    }

    /** Paths in {@code unordered} start at the answer's body ({@code $}), not at the file's top. */
    private record Loose(Predicate<String> keys, Predicate<String> elements) {
    }

    private static JsonNode canonicalBody(JsonNode file, Loose loose) {
        ObjectNode out = JSON.createObjectNode();
        file.properties().forEach(e -> out.set(e.getKey(),
                e.getKey().equals("body") ? canonical(e.getValue(), "$", loose) : e.getValue()));
        return out;
    }

    /** The tree with the keys of every loosely ordered object sorted, so that only their order may differ. */
    private static JsonNode canonical(JsonNode node, String path, Loose loose) {
        if (node.isArray()) {
            List<JsonNode> elements = new ArrayList<>();
            node.forEach(element -> elements.add(canonical(element, path + "[*]", loose)));
            if (loose.elements().test(path)) {
                elements.sort(Comparator.comparing(JSON::writeValueAsString));
            }
            ArrayNode out = JSON.createArrayNode();
            elements.forEach(out::add);
            return out;
        }
        if (!node.isObject()) {
            return node;
        }
        String here = path;
        ObjectNode out = JSON.createObjectNode();
        if (loose.keys().test(here)) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            node.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
            sorted.forEach((key, value) -> out.set(key, canonical(value, child(here, key), loose)));
        } else {
            node.properties().forEach(e -> out.set(e.getKey(), canonical(e.getValue(), child(here, e.getKey()), loose)));
        }
        return out;
    }

    private static String child(String path, String key) {
        return path + "." + key;
    }

}
