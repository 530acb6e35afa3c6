package gongkai.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import gongkai.support.PlatformProcess;
import gongkai.support.PlatformProcess.Answer;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivery holds across a crash, on the embedded default with a real SMTP server in the test JVM: sixty addresses
 * subscribe and confirm through the links mailed to them, a record is published, the platform is killed (SIGKILL)
 * while the notices are going out, and after a restart on the same folder every address has the notice — exactly one
 * message each, as a mail client tells messages apart (by Message-ID). A message the dead process had handed to the
 * SMTP server but not yet marked sent goes out again under the same Message-ID, at most one per sending thread.
 */
class DeliveryAcrossACrashTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int SUBSCRIBERS = 60;
    private static final String PASSWORD = "Push-Test-Passw0rd";
    private static final Pattern CONFIRM_LINK = Pattern.compile("/subscribe/confirm/([A-Za-z0-9_-]+)");
    private static final String TITLE = "宜春市2027年城乡低保标准调整的通知（推送重启测试）";

    @TempDir
    Path dir;

    private GreenMail smtp;

    @BeforeEach
    void smtp() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    private String[] args() {
        return new String[] {"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--gongkai.notify.mail.from=gongkai@example.gov.cn",
                "--gongkai.notify.delivery.rate-per-second.EMAIL=12",
                "--gongkai.notify.subscriptions.intake-max=1000",
                "--gongkai.notify.delivery.claim-timeout=3s", "--gongkai.notify.delivery.reclaim-every=1s"};
    }

    @Test
    void everySubscriberGetsTheNoticeOnceThoughThePlatformWasKilledWhileSendingIt() throws Exception {
        Path data = dir.resolve("data");
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < SUBSCRIBERS; i++) {
            addresses.add("resident" + i + "@example.org");
        }
        try (PlatformProcess platform = PlatformProcess.start(data, args())) {
            for (String a : addresses) {
                Answer r = platform.post("/api/v1/subscriptions", """
                        {"channel":"EMAIL","address":"%s","domains":["social-assistance"],"regions":["360902"]}
                        """.formatted(a), null, null);
                assertThat(r.status()).as(r.body()).isEqualTo(202);
            }
            Map<String, String> tokens = awaitConfirmationLinks(addresses);
            for (String token : tokens.values()) {
                Answer c = platform.post("/api/v1/subscriptions/confirm", "{\"token\":\"" + token + "\"}", null, null);
                assertThat(c.status()).as(c.body()).isEqualTo(200);
            }
            publish(platform);
            awaitNotices(() -> notices().size() >= SUBSCRIBERS / 3, Duration.ofSeconds(60));
            platform.kill();
        }
        int beforeRestart = notices().size();
        assertThat(beforeRestart).as("notices out before the kill").isLessThan(SUBSCRIBERS);

        try (PlatformProcess platform = PlatformProcess.start(data, args())) {
            awaitNotices(() -> distinctPerRecipient().size() == SUBSCRIBERS, Duration.ofSeconds(90));
            Thread.sleep(2_000);
        }
        Map<String, Set<String>> ids = distinctPerRecipient();
        assertThat(ids.keySet()).containsExactlyInAnyOrderElementsOf(addresses);
        assertThat(ids.values()).allSatisfy(set -> assertThat(set).hasSize(1));
        // Repeats only where the kill fell between the SMTP server's answer and the row's update: one per thread.
        assertThat(notices().size() - SUBSCRIBERS).isBetween(0, 3);
    }

    private Map<String, String> awaitConfirmationLinks(List<String> addresses) throws Exception {
        Map<String, String> tokens = new HashMap<>();
        Instant until = Instant.now().plusSeconds(60);
        while (tokens.size() < addresses.size() && Instant.now().isBefore(until)) {
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (m.getSubject().contains("请确认订阅")) {
                    Matcher link = CONFIRM_LINK.matcher((String) m.getContent());
                    if (link.find()) {
                        tokens.put(m.getRecipients(Message.RecipientType.TO)[0].toString(), link.group(1));
                    }
                }
            }
            Thread.sleep(200);
        }
        assertThat(tokens).hasSize(addresses.size());
        return tokens;
    }

    private List<MimeMessage> notices() throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getSubject().contains("推送重启测试")) {
                found.add(m);
            }
        }
        return found;
    }

    private Map<String, Set<String>> distinctPerRecipient() throws Exception {
        Map<String, Set<String>> ids = new HashMap<>();
        for (MimeMessage m : notices()) {
            ids.computeIfAbsent(m.getRecipients(Message.RecipientType.TO)[0].toString(), k -> new HashSet<>())
                    .add(m.getMessageID());
        }
        return ids;
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private void awaitNotices(Check enough, Duration within) throws Exception {
        Instant until = Instant.now().plus(within);
        while (Instant.now().isBefore(until)) {
            if (enough.ok()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("Only " + notices().size() + " notices within " + within);
    }

    private static void publish(PlatformProcess platform) throws Exception {
        String editor = user(platform, "EDITOR");
        String reviewer = user(platform, "REVIEWER");
        String approver = user(platform, "APPROVER");
        Answer created = platform.post("/api/v1/records", """
                {"catalogItem":"sa-policy","org":"yzqzf","region":"360902","title":"%s","summary":"新标准自2027年1月1日起执行。",
                 "writtenOn":"2026-11-30","body":"<p>现将调整后的标准通知如下。</p>","keywords":["低保"],"audience":"public"}
                """.formatted(TITLE), editor, PASSWORD);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String draft = JSON.readTree(created.body()).get("indexNo").asString();
        assertThat(platform.post("/api/v1/records/" + draft + "/submit", null, editor, PASSWORD).status())
                .isEqualTo(200);
        assertThat(platform.post("/api/v1/records/" + draft + "/review", "{\"decision\":\"PASS\",\"comment\":\"同意\"}",
                reviewer, PASSWORD).status()).isEqualTo(200);
        Answer approved = platform.post("/api/v1/records/" + draft + "/approve",
                "{\"decision\":\"PASS\",\"comment\":\"同意发布\",\"noInterpretationReason\":\"测试：不配解读\"}", approver,
                PASSWORD);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    }

    private static String user(PlatformProcess platform, String role) throws Exception {
        String username = "push-" + role.toLowerCase();
        Answer a = platform.post("/api/v1/users", """
                {"username":"%s","password":"%s","displayName":"测试%s","org":"yzqzf","roles":["%s"]}
                """.formatted(username, PASSWORD, role, role), "admin", PlatformProcess.ADMIN_PASSWORD);
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return username;
    }
}
