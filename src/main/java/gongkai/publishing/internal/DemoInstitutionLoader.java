package gongkai.publishing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import gongkai.account.Accounts;
import gongkai.account.NewUser;
import gongkai.org.NewInstitution;
import gongkai.org.Organisation;
import gongkai.org.Organisations;
import gongkai.publishing.Decision;
import gongkai.publishing.Drafting;
import gongkai.publishing.Publishing;
import gongkai.publishing.RecordFilter;
import gongkai.publishing.RecordInput;
import gongkai.publishing.Records;
import gongkai.shared.Actor;
import gongkai.shared.GongkaiProperties;
import gongkai.shared.Role;
import tools.jackson.databind.json.JsonMapper;

/**
 * With the demo profile, registers the fictitious institutions of {@code demo/institutions.yaml} under their
 * regulators (示例数据), gives each three staff accounts ({@code code.editor}, {@code code.reviewer},
 * {@code code.approver}, one random password printed once in the log), and publishes their records through the same
 * three-step review by those accounts. Runs after {@link DemoRecordLoader}, which loads only into an empty record
 * table; each step is skipped when already done, so a second start adds nothing. {@code
 * gongkai.demo-institutions=false} leaves them out (the API contract test, whose snapshots predate them).
 */
@Component
@Order(205)
class DemoInstitutionLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoInstitutionLoader.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final Map<Role, String> STAFF = Map.of(Role.EDITOR, "editor", Role.REVIEWER, "reviewer",
            Role.APPROVER, "approver");
    private static final Map<Role, String> STAFF_NAMES = Map.of(Role.EDITOR, "示例信息员", Role.REVIEWER, "示例审核员",
            Role.APPROVER, "示例审批人");

    private final GongkaiProperties properties;
    private final Organisations organisations;
    private final Accounts accounts;
    private final Drafting drafting;
    private final Publishing publishing;
    private final Records records;
    private final JsonMapper json;
    private final boolean enabled;
    private final java.time.Clock clock;

    DemoInstitutionLoader(GongkaiProperties properties, Organisations organisations, Accounts accounts,
            Drafting drafting, Publishing publishing, Records records, JsonMapper json,
            @Value("${gongkai.demo-institutions:true}") boolean enabled, java.time.Clock clock) {
        this.enabled = enabled;
        this.clock = clock;
        this.properties = properties;
        this.organisations = organisations;
        this.accounts = accounts;
        this.drafting = drafting;
        this.publishing = publishing;
        this.records = records;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!properties.demo() || !enabled) {
            return;
        }
        List<Map<String, Object>> entries;
        try (InputStream in = new ClassPathResource("demo/institutions.yaml").getInputStream()) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> list = (List<Map<String, Object>>) root.get("institutions");
            entries = list;
        }
        String password = null;
        int published = 0;
        for (Map<String, Object> e : entries) {
            String code = text(e, "code");
            Actor cityAdmin = new Actor("示例数据", properties.cityOffice(), EnumSet.of(Role.ADMIN), true);
            if (!organisations.exists(code)) {
                Actor.callAs(cityAdmin, () -> register(e));
            }
            for (Role role : STAFF.keySet()) {
                String username = username(code, role);
                if (accounts.find(username).isEmpty()) {
                    password = password == null ? randomPassword() : password;
                    NewUser user = new NewUser(username, password, STAFF_NAMES.get(role), code, EnumSet.of(role));
                    Actor.callAs(cityAdmin, () -> accounts.create(user));
                }
            }
            if (records.published(new RecordFilter(null, code, null, null, null, null), 0, 1).getTotalElements() == 0) {
                published += publish(code, e);
            }
        }
        if (password != null) {
            log.warn("Demo: staff accounts of the demo institutions (<code>.editor, .reviewer, .approver) have the "
                    + "generated password: {}  (shown this once)", password);
        }
        log.info("Demo: {} fictitious institutions, {} of their records published (示例数据)", entries.size(), published);
    }

    private Organisation register(Map<String, Object> e) {
        Map<String, Object> leader = map(e, "leader");
        Map<String, Object> liaison = map(e, "liaison");
        return organisations.registerDemo(
                new NewInstitution(text(e, "code"), text(e, "name"), text(e, "kind"), text(e, "sector"),
                        text(e, "region"), text(e, "regulator")),
                new Organisation.Leader(text(leader, "name"), text(leader, "post")), text(liaison, "name"),
                text(liaison, "phone"));
    }

    /** Each record as its institution's editor enters it, then reviewed and approved by its own staff. */
    private int publish(String code, Map<String, Object> e) {
        Organisation org = organisations.get(code);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list = (List<Map<String, Object>>) e.get("records");
        for (Map<String, Object> r : list) {
            Map<String, Object> body = new LinkedHashMap<>(r);
            body.put("org", code);
            body.put("region", org.regionCode());
            RecordInput input = json.convertValue(body, RecordInput.class);
            java.time.Instant at = DemoTime.publication(input.writtenOn(), clock);
            String ref = DemoTime.as(staff(code, Role.EDITOR), at.minus(java.time.Duration.ofHours(2)), clock, () -> {
                String draft = drafting.create(input, true);
                publishing.submit(draft);
                return draft;
            });
            DemoTime.as(staff(code, Role.REVIEWER), at.minus(java.time.Duration.ofHours(1)), clock, () -> {
                publishing.review(ref, Decision.PASS, "示例数据：审核通过");
                return null;
            });
            DemoTime.as(staff(code, Role.APPROVER), at, clock, () -> publishing.approve(ref, Decision.PASS, "示例数据：同意发布",
                    null, null));
        }
        return list.size();
    }

    private static Actor staff(String code, Role role) {
        return new Actor(username(code, role), code, EnumSet.of(role), false);
    }

    static String username(String code, Role role) {
        return code + "." + STAFF.get(role);
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder("Demo-");
        for (int i = 0; i < 16; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> e, String key) {
        return (Map<String, Object>) e.get(key);
    }

    private static String text(Map<String, Object> e, String key) {
        Object v = e.get(key);
        return v == null ? null : v.toString().strip();
    }
}
