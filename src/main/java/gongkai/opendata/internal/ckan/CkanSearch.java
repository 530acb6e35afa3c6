package gongkai.opendata.internal.ckan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import gongkai.opendata.DatasetQuery;
import gongkai.opendata.DatasetQuery.SortField;
import gongkai.opendata.DatasetQuery.SortKey;

/**
 * The Solr-like parameters of {@code package_search} turned into a {@link DatasetQuery}. Filters come in the forms
 * CKAN clients send in {@code fq} (and in {@code q}): {@code organization:x}, {@code groups:x}, {@code tags:x} or
 * {@code tags:"a b"}, {@code res_format:CSV}, and our {@code county:<code>}; each may carry {@code +} (must) or
 * {@code -} (must not), may list values as {@code field:(a OR b)}, and be joined by spaces, AND or OR. Values of one
 * field are alternatives, as in {@link DatasetQuery}; fields combine with AND.
 */
final class CkanSearch {

    static final String DEFAULT_SORT = "score desc, metadata_modified desc";

    /** The filterable fields, by the name the query uses. */
    enum Field {
        ORGANIZATION, GROUPS, TAGS, RES_FORMAT, COUNTY;

        static Field of(String name) {
            return switch (name) {
                case "organization", "owner_org" -> ORGANIZATION;
                case "groups" -> GROUPS;
                case "tags" -> TAGS;
                case "res_format" -> RES_FORMAT;
                case "county" -> COUNTY;
                default -> null;
            };
        }
    }

    /** Fields CKAN itself adds or clients copy from it, whose only value here is the one every dataset has. */
    private static final Map<String, String> CONSTANT = Map.of("capacity", "public", "state", "active",
            "dataset_type", "dataset", "type", "dataset", "private", "false");

    static final String FIELDS = "organization、groups、tags、res_format、county";

    /** What the known values of each field are, to turn an exclusion into the values left. */
    interface Known {
        Set<String> values(Field field);
    }

    /** A value no dataset has: a filter left with no value must match nothing, and an empty list means any. */
    private static final String NOTHING = "\u0000";

    private final Map<Field, Set<String>> include = new LinkedHashMap<>();
    private final Map<Field, Set<String>> exclude = new LinkedHashMap<>();
    private final List<String> words = new ArrayList<>();

    private CkanSearch() {
    }

    /**
     * The query of these parameters.
     *
     * @param q      the words, which may hold field:value filters too; blank or {@code *:*} for all
     * @param fqs    the filter queries ({@code fq}, then each of {@code fq_list})
     * @param sort   the order as CKAN takes it; null, blank or {@code rank} for the default
     */
    static DatasetQuery query(String q, List<String> fqs, String sort, int start, int rows, Known known) {
        CkanSearch s = new CkanSearch();
        if (q != null && !q.isBlank() && !q.strip().equals("*:*")) {
            s.parse("q", q);
        }
        for (String fq : fqs) {
            if (fq != null && !fq.isBlank()) {
                s.parse("fq", fq);
            }
        }
        return new DatasetQuery(String.join(" ", s.words), s.values(Field.GROUPS, known),
                s.values(Field.ORGANIZATION, known), s.values(Field.COUNTY, known), s.values(Field.TAGS, known),
                s.values(Field.RES_FORMAT, known), order(sort), start, rows);
    }

    /** The sort as CKAN reports it back: the one asked for, or the default. */
    static String echo(String sort) {
        return sort == null || sort.isBlank() || sort.strip().equals("rank") ? DEFAULT_SORT : sort;
    }

    private List<String> values(Field f, Known known) {
        Set<String> in = include.get(f);
        Set<String> out = exclude.getOrDefault(f, Set.of());
        if (in == null && out.isEmpty()) {
            return List.of();
        }
        if (f == Field.TAGS && !out.isEmpty()) {
            throw CkanError.invalid("fq", "不支持排除标签（-tags:…）：一个数据集有多个标签。");
        }
        Set<String> left = new LinkedHashSet<>(in != null ? in : known.values(f));
        left.removeAll(out);
        return left.isEmpty() ? List.of(NOTHING) : List.copyOf(left);
    }

    private void parse(String parameter, String text) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            // Grouping brackets around whole terms change nothing here: fields combine with AND anyway.
            if (Character.isWhitespace(c) || c == '(' || c == ')') {
                i++;
                continue;
            }
            boolean negated = false;
            if (c == '+' || c == '-' || c == '!') {
                negated = c != '+';
                i++;
            }
            int nameEnd = i;
            while (nameEnd < n && (Character.isLetterOrDigit(text.charAt(nameEnd)) && text.charAt(nameEnd) < 128
                    || text.charAt(nameEnd) == '_' || text.charAt(nameEnd) == '.')) {
                nameEnd++;
            }
            if (nameEnd > i && nameEnd < n && text.charAt(nameEnd) == ':') {
                String name = text.substring(i, nameEnd).toLowerCase(Locale.ROOT);
                int[] end = {nameEnd + 1};
                List<String> vals = values(parameter, text, end);
                i = end[0];
                filter(parameter, name, vals, negated);
                continue;
            }
            // A word, a quoted phrase, or AND / OR between terms.
            String word;
            if (i < n && text.charAt(i) == '"') {
                int close = text.indexOf('"', i + 1);
                if (close < 0) {
                    throw CkanError.invalid(parameter, "引号没有闭合：" + text);
                }
                word = text.substring(i + 1, close);
                i = close + 1;
            } else {
                int end = i;
                while (end < n && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != ')') {
                    end++;
                }
                word = text.substring(i, end);
                i = end;
            }
            if (word.equals("AND") || word.equals("OR") || word.equals("&&") || word.equals("||")
                    || word.isBlank()) {
                continue;
            }
            if (negated) {
                throw CkanError.invalid(parameter, "不支持排除词语（-" + word + "）。");
            }
            if (word.equals("*:*") || word.equals("*")) {
                continue;
            }
            for (String w : word.split("[\\s　]+")) {
                if (!w.isBlank()) {
                    words.add(w);
                }
            }
        }
    }

    /** The value(s) after {@code field:} from end[0]: "quoted", (a OR b), or a bare run; end[0] moves past them. */
    private static List<String> values(String parameter, String text, int[] end) {
        int i = end[0];
        int n = text.length();
        List<String> out = new ArrayList<>();
        if (i >= n || Character.isWhitespace(text.charAt(i))) {
            throw CkanError.invalid(parameter, "字段后缺少取值：" + text);
        }
        if (text.charAt(i) == '"') {
            int close = text.indexOf('"', i + 1);
            if (close < 0) {
                throw CkanError.invalid(parameter, "引号没有闭合：" + text);
            }
            out.add(text.substring(i + 1, close));
            end[0] = close + 1;
            return out;
        }
        if (text.charAt(i) == '(') {
            int close = text.indexOf(')', i + 1);
            if (close < 0) {
                throw CkanError.invalid(parameter, "括号没有闭合：" + text);
            }
            String inner = text.substring(i + 1, close);
            int[] at = {0};
            while (at[0] < inner.length()) {
                char c = inner.charAt(at[0]);
                if (Character.isWhitespace(c)) {
                    at[0]++;
                    continue;
                }
                if (c == '"') {
                    int q = inner.indexOf('"', at[0] + 1);
                    if (q < 0) {
                        throw CkanError.invalid(parameter, "引号没有闭合：" + text);
                    }
                    out.add(inner.substring(at[0] + 1, q));
                    at[0] = q + 1;
                    continue;
                }
                int e = at[0];
                while (e < inner.length() && !Character.isWhitespace(inner.charAt(e))) {
                    e++;
                }
                String w = inner.substring(at[0], e);
                if (w.equals("AND")) {
                    throw CkanError.invalid(parameter, "同一字段的多个取值只能用 OR 连接：" + text);
                }
                if (!w.equals("OR") && !w.equals("||")) {
                    out.add(w);
                }
                at[0] = e;
            }
            end[0] = close + 1;
            if (out.isEmpty()) {
                throw CkanError.invalid(parameter, "括号中缺少取值：" + text);
            }
            return out;
        }
        int e = i;
        while (e < n && !Character.isWhitespace(text.charAt(e)) && text.charAt(e) != ')') {
            e++;
        }
        String v = text.substring(i, e);
        if (v.startsWith("[") || v.startsWith("{")) {
            throw CkanError.invalid(parameter, "不支持范围筛选（" + v + "）；可筛选的字段：" + FIELDS + "。");
        }
        out.add(v);
        end[0] = e;
        return out;
    }

    private void filter(String parameter, String name, List<String> vals, boolean negated) {
        String constant = CONSTANT.get(name);
        if (constant != null) {
            boolean every = vals.stream().allMatch(constant::equalsIgnoreCase);
            if (every != negated) {
                return;
            }
            // Asks for what no dataset here is (private, deleted, another type): nothing matches.
            include.put(Field.ORGANIZATION, new LinkedHashSet<>(List.of(NOTHING)));
            return;
        }
        Field f = Field.of(name);
        if (f == null) {
            throw CkanError.invalid(parameter, "不支持按“" + name + "”筛选；可筛选的字段：" + FIELDS + "。");
        }
        (negated ? exclude : include).computeIfAbsent(f, k -> new LinkedHashSet<>()).addAll(vals);
    }

    /** The order: comma-separated {@code field asc|desc}, as Solr takes it. */
    static List<SortKey> order(String sort) {
        if (sort == null || sort.isBlank() || sort.strip().equals("rank")) {
            return List.of();
        }
        List<SortKey> keys = new ArrayList<>();
        for (String part : sort.split(",")) {
            String[] bits = part.strip().split("\\s+");
            if (bits.length != 2 || !(bits[1].equalsIgnoreCase("asc") || bits[1].equalsIgnoreCase("desc"))) {
                throw CkanError.invalid("sort", "排序应写作“字段 asc”或“字段 desc”，多个用逗号分隔，收到的是“"
                        + part.strip() + "”。");
            }
            SortField field = switch (bits[0]) {
                case "score" -> SortField.SCORE;
                case "name", "id" -> SortField.NAME;
                case "title_string", "title" -> SortField.TITLE;
                case "metadata_created" -> SortField.CREATED;
                case "metadata_modified" -> SortField.MODIFIED;
                case "num_rows" -> SortField.ROWS;
                default -> throw CkanError.invalid("sort", "不能按“" + bits[0] + "”排序；可用的排序字段：score、"
                        + "name、title_string、metadata_created、metadata_modified、num_rows。");
            };
            keys.add(new SortKey(field, bits[1].equalsIgnoreCase("desc")));
        }
        return keys;
    }
}
