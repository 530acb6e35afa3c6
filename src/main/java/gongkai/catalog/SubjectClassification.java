package gongkai.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 主题分类: the State Council's 22 subject classes and their sub-classes. A classification is written
 * {@code class\sub-class} (as gov.cn pages do) or just {@code class} for one without sub-classes.
 */
public final class SubjectClassification {

    private final Map<String, List<String>> classes;

    SubjectClassification(Map<String, List<String>> classes) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        classes.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.classes = Collections.unmodifiableMap(copy);
    }

    /** Reads the resource format: class, tab, sub-classes separated by ';'; '#' starts a comment line. */
    public static SubjectClassification parse(String text) {
        Map<String, List<String>> classes = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", 2);
            List<String> subs = new ArrayList<>();
            if (parts.length > 1) {
                for (String s : parts[1].split(";")) {
                    if (!s.isBlank()) {
                        subs.add(s.strip());
                    }
                }
            }
            classes.put(parts[0].strip(), subs);
        }
        return new SubjectClassification(classes);
    }

    public Map<String, List<String>> classes() {
        return classes;
    }

    public boolean isValid(String path) {
        if (path == null) {
            return false;
        }
        String[] parts = path.split("\\\\", 2);
        List<String> subs = classes.get(parts[0]);
        if (subs == null) {
            return false;
        }
        return parts.length == 1 ? subs.isEmpty() : subs.contains(parts[1]);
    }

    /** Every valid path, in order, for pick lists. */
    public List<String> paths() {
        List<String> paths = new ArrayList<>();
        classes.forEach((c, subs) -> {
            if (subs.isEmpty()) {
                paths.add(c);
            }
            subs.forEach(s -> paths.add(c + "\\" + s));
        });
        return paths;
    }
}
