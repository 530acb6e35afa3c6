package gongkai.requests.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
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

import gongkai.requests.ApplicantKind;
import gongkai.requests.ClockKeeping;
import gongkai.requests.DeliveryForm;
import gongkai.requests.IdType;
import gongkai.requests.RequestHandling;
import gongkai.requests.RequestIntake;
import gongkai.requests.NewRequest;
import gongkai.requests.Receipt;
import gongkai.requests.Reply;
import gongkai.shared.Actor;
import gongkai.shared.GongkaiProperties;
import gongkai.shared.Role;

/**
 * With the demo profile, enters the fictitious requests of {@code demo/requests.yaml} once (示例数据), as each
 * organisation's demo staff would — received some days back, then answered, extended or sent back for correction
 * through the same rules as real requests — so that the inboxes, the clock and the statistics have something to show.
 */
@Component
@Order(210)
class DemoRequestLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRequestLoader.class);

    private final GongkaiProperties properties;
    private final RequestIntake intake;
    private final ClockKeeping clockKeeping;
    private final RequestHandling handling;
    private final InformationRequestRepository stored;
    private final Clock clock;

    DemoRequestLoader(GongkaiProperties properties, RequestIntake intake, ClockKeeping clockKeeping,
            RequestHandling handling, InformationRequestRepository stored, Clock clock) {
        this.properties = properties;
        this.intake = intake;
        this.clockKeeping = clockKeeping;
        this.handling = handling;
        this.stored = stored;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!properties.demo() || stored.count() > 0) {
            return;
        }
        List<Map<String, Object>> entries;
        try (InputStream in = new ClassPathResource("demo/requests.yaml").getInputStream()) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> list = (List<Map<String, Object>>) root.get("requests");
            entries = list;
        }
        LocalDate today = LocalDate.now(clock);
        int entered = 0;
        for (Map<String, Object> e : entries) {
            try {
                enter(e, today);
                entered++;
            } catch (RuntimeException problem) {
                // Demo data must never stop the platform from starting; the rules that refused it are the real ones.
                log.warn("Demo request for {} not entered: {}", e.get("org"), problem.getMessage());
            }
        }
        log.info("Demo: {} fictitious information requests entered (示例数据)", entered);
    }

    private void enter(Map<String, Object> e, LocalDate today) {
        String org = text(e, "org");
        @SuppressWarnings("unchecked")
        Map<String, Object> a = (Map<String, Object>) e.get("applicant");
        NewRequest input = new NewRequest(org, ApplicantKind.parse(text(a, "type")), text(a, "name"),
                IdType.parse(text(a, "idType")), text(a, "idNumber"), text(a, "contactName"), text(a, "phone"),
                text(a, "email"), text(a, "address"), text(e, "description"), text(e, "purpose"),
                DeliveryForm.parse(text(e, "preferredForm")), false);
        LocalDate arrived = today.minusDays(((Number) e.get("daysAgo")).intValue());
        String no = Actor.callAs(staff(org, Role.EDITOR),
                () -> intake.enter(input, new Receipt(text(e, "channel"), arrived, null)).trackingNo());
        if (e.get("correction") instanceof List<?> items) {
            Actor.callAs(staff(org, Role.EDITOR), () -> clockKeeping.requestCorrection(no,
                    items.stream().map(String::valueOf).toList(), today.plusDays(15)));
        }
        if (e.get("extension") != null) {
            Actor.callAs(staff(org, Role.APPROVER), () -> clockKeeping.extend(no, text(e, "extension"), 20));
        }
        if (e.get("reply") instanceof Map<?, ?> reply) {
            Actor.callAs(staff(org, Role.APPROVER), () -> handling.reply(no, new Reply(
                    String.valueOf(reply.get("outcome")), String.valueOf(reply.get("text")), null, null)));
        }
    }

    /** The organisation's demo staff, who have no accounts (as for the demo records). */
    private static Actor staff(String org, Role role) {
        return new Actor(role == Role.EDITOR ? "示例信息员" : "示例审批人", org, EnumSet.of(role), false);
    }

    private static String text(Map<?, ?> map, String key) {
        Object v = map.get(key);
        return v == null ? null : v.toString();
    }
}
