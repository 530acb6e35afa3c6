package gongkai.publishing.internal;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import gongkai.org.Organisations;
import gongkai.publishing.Decision;
import gongkai.publishing.Drafting;
import gongkai.publishing.Publishing;
import gongkai.publishing.RecordInput;
import gongkai.shared.Actor;
import gongkai.shared.GongkaiProperties;
import gongkai.shared.Role;

/**
 * With the demo profile, publishes the fictitious records of {@code demo/records.yaml} once (marked 示例数据),
 * through the same three-step review as real records, by three demo actors of each organisation (示例信息员,
 * 示例审核员, 示例审批人) who have no accounts. Policies are approved with their interpretations.
 */
@Component
@Order(200)
class DemoRecordLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRecordLoader.class);

    private final GongkaiProperties properties;
    private final Drafting drafting;
    private final Publishing publishing;
    private final RecordRepository records;
    private final Organisations organisations;
    private final java.time.Clock clock;

    DemoRecordLoader(GongkaiProperties properties, Drafting drafting, Publishing publishing, RecordRepository records,
            Organisations organisations, java.time.Clock clock) {
        this.clock = clock;
        this.organisations = organisations;
        this.properties = properties;
        this.drafting = drafting;
        this.publishing = publishing;
        this.records = records;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (!properties.demo() || records.existsByDemoTrue()) {
            return;
        }
        Map<String, Object> root;
        try (var in = new ClassPathResource("demo/records.yaml").getInputStream()) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) root.get("records");
        Map<String, String> refs = new LinkedHashMap<>();
        List<Map<String, Object>> policiesAndOthers = new ArrayList<>();
        for (Map<String, Object> e : entries) {
            String org = text(e, "org");
            Object interpretationKey = e.get("interpretationOf");
            RecordInput input = new RecordInput(text(e, "item"), org, text(e, "region"), text(e, "title"),
                    text(e, "summary"), text(e, "documentNumber"), date(e.get("writtenOn")),
                    text(e, "body"), strings(e.get("keywords")), null, text(e, "targetGroup"), null, null,
                    rows(e.get("rows")), interpretationKey == null ? null : refs.get(interpretationKey.toString()),
                    text(e, "interpretationKind"), text(e, "period"));
            Instant publishedAt = publicationTime(e);
            String ref = as(actor("示例信息员", org, Role.EDITOR), publishedAt.minus(Duration.ofHours(2)), () -> {
                String r = drafting.create(input, true);
                attach(r, e, input);
                publishing.submit(r);
                return r;
            });
            as(actor("示例审核员", org, Role.REVIEWER), publishedAt.minus(Duration.ofHours(1)), () -> {
                publishing.review(ref, Decision.PASS, "示例数据：审核通过");
                return null;
            });
            refs.put(text(e, "key"), ref);
            if (interpretationKey == null) {
                policiesAndOthers.add(e);
            }
        }
        // Approved in the order of their dates, so that index numbers run with time as they would.
        policiesAndOthers.sort(java.util.Comparator.comparing(this::publicationTime));
        for (Map<String, Object> e : policiesAndOthers) {
            String org = text(e, "org");
            String ref = refs.get(text(e, "key"));
            Instant publishedAt = publicationTime(e);
            String published = as(actor("示例审批人", org, Role.APPROVER), publishedAt,
                    () -> publishing.approve(ref, Decision.PASS, "示例数据：同意发布", null,
                            "示例数据：本条未配解读，仅作演示").ref());
            if (e.get("withdraw") != null) {
                as(actor("示例审批人", org, Role.APPROVER), publishedAt.plus(Duration.ofDays(12)),
                        () -> {
                            publishing.withdraw(published, e.get("withdraw").toString());
                            return null;
                        });
            }
        }
        log.info("Demo: {} fictitious records published (示例数据)", refs.size());
    }

    private static Actor actor(String name, String org, Role role) {
        return new Actor(name, org, EnumSet.of(role), false);
    }

    private <T> T as(Actor actor, Instant at, java.util.function.Supplier<T> action) {
        return DemoTime.as(actor, at, clock, action);
    }

    private Instant publicationTime(Map<String, Object> e) {
        return DemoTime.publication(e.get("writtenOn") == null ? null : date(e.get("writtenOn")), clock);
    }

    /**
     * Attaches the files the entry asks for ({@code attachments: [{kind: pdf|xlsx|image, name: …}]}), made by
     * {@link DemoFiles}: the body as a PDF, the rows as a workbook, or a 图解 image with its description.
     */
    private void attach(String ref, Map<String, Object> e, RecordInput input) {
        if (!(e.get("attachments") instanceof List<?> files)) {
            return;
        }
        for (Object o : files) {
            Map<?, ?> f = (Map<?, ?>) o;
            String kind = String.valueOf(f.get("kind"));
            String name = String.valueOf(f.get("name"));
            byte[] content;
            String alt = null;
            switch (kind) {
                case "pdf" -> content = DemoFiles.pdf(input.title(), organisations.get(text(e, "org")).name(), input.body());
                case "xlsx" -> content = DemoFiles.xlsx(input.title(), input.data());
                case "image" -> {
                    Map<String, Integer> bars = new LinkedHashMap<>();
                    if (f.get("bars") instanceof Map<?, ?> m) {
                        m.forEach((k, v) -> bars.put(String.valueOf(k), Integer.valueOf(String.valueOf(v))));
                    }
                    content = DemoFiles.graphic(String.valueOf(f.get("heading")), strings(f.get("panels")), bars);
                    alt = String.valueOf(f.get("alt"));
                }
                default -> throw new IllegalStateException("demo/records.yaml: unknown attachment kind " + kind);
            }
            drafting.addAttachment(ref, name, new ByteArrayInputStream(content), alt);
        }
    }

    /** YAML reads an unquoted ISO date as a java.util.Date at midnight UTC. */
    private static LocalDate date(Object v) {
        return v instanceof java.util.Date d ? LocalDate.ofInstant(d.toInstant(), java.time.ZoneOffset.UTC)
                : LocalDate.parse(String.valueOf(v).strip());
    }

    private static String text(Map<String, Object> e, String key) {
        Object v = e.get(key);
        return v == null ? null : v.toString().strip();
    }

    private static List<String> strings(Object v) {
        return v instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    private static List<Map<String, String>> rows(Object v) {
        List<Map<String, String>> rows = new ArrayList<>();
        if (v instanceof List<?> list) {
            for (Object o : list) {
                Map<String, String> row = new LinkedHashMap<>();
                if (o instanceof Map<?, ?> m) {
                    m.forEach((k, val) -> row.put(String.valueOf(k), val == null ? "" : String.valueOf(val)));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
