package gongkai.requests.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import gongkai.shared.InvalidInputProblem;

/**
 * The public form's human check, with no outside service: a sum of two small numbers written in Chinese characters.
 * The form carries a signed token (a one-time nonce, the time it was shown and a MAC over them and the answer), so
 * nothing is kept for a question that is never answered. A token takes one answer, right or wrong: its nonce is
 * written to the database when it is answered (V16), so a script cannot try the few possible sums one after the other,
 * on this node or another; the form then shows a new question. A form sent back faster than a person could fill it
 * in, or hours later, is refused. Ages are wall-clock time.
 */
@Component
public class HumanCheck {

    private static final String[] NUMERALS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;
    private final Duration minAge;
    private final Duration maxAge;
    /** The largest term of a question's sum. */
    private static final int MAX_TERM = 9;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate separate;

    HumanCheck(RequestsProperties properties, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        String secret = properties.humanCheck().secret();
        if (secret == null || secret.isBlank()) {
            this.key = new byte[32];
            RANDOM.nextBytes(this.key);
        } else {
            this.key = secret.getBytes(StandardCharsets.UTF_8);
        }
        this.minAge = Duration.ofSeconds(properties.humanCheck().minSeconds());
        this.maxAge = properties.humanCheck().maxAge();
    }

    /** A question with its token, to put in the form. */
    public record Challenge(String question, String token) {
    }

    public Challenge issue() {
        int a = 1 + RANDOM.nextInt(MAX_TERM);
        int b = 1 + RANDOM.nextInt(MAX_TERM);
        byte[] nonceBytes = new byte[12];
        RANDOM.nextBytes(nonceBytes);
        String nonce = HexFormat.of().formatHex(nonceBytes);
        long shownAt = Instant.now().getEpochSecond();
        String token = nonce + "." + shownAt + "." + mac(nonce, shownAt, String.valueOf(a + b));
        return new Challenge("请计算：" + NUMERALS[a] + "加" + NUMERALS[b] + "等于几？（请填写阿拉伯数字）", token);
    }

    /**
     * Checks the answer against the token, and spends the token whatever the outcome.
     *
     * @return the token's nonce
     * @throws InvalidInputProblem (field {@code humanCheck}) when the answer is wrong, the token forged or already
     *                             answered, or the form too quick or too old
     */
    public String verify(String token, String answer) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 3 || !parts[0].matches("[0-9a-f]{24}") || !parts[1].matches("\\d{1,12}")) {
            throw refused("验证信息无效，请重新回答验证问题。");
        }
        long shownAt = Long.parseLong(parts[1]);
        Instant now = Instant.now();
        Duration age = Duration.between(Instant.ofEpochSecond(shownAt), now);
        // An expired token is refused anyway, so it need not be stored: the table only holds tokens younger than maxAge.
        if (age.compareTo(maxAge) > 0) {
            throw refused("页面打开时间过长，验证已失效，请回答新的验证问题。");
        }
        if (!issuedHere(parts[0], shownAt, parts[2])) {
            // Refused before anything is written: only tokens this platform issued take a row (no flood of forgeries).
            throw refused("验证信息无效，请重新回答验证问题。");
        }
        spend(parts[0], now);
        String typed = answer == null ? "" : answer.strip();
        if (!typed.matches("\\d{1,3}") || !MessageDigest.isEqual(
                mac(parts[0], shownAt, String.valueOf(Integer.parseInt(typed))).getBytes(StandardCharsets.US_ASCII),
                parts[2].getBytes(StandardCharsets.US_ASCII))) {
            throw refused("验证问题的答案不正确，请回答新的验证问题。");
        }
        if (age.compareTo(minAge) < 0) {
            throw refused("提交过快，请核对所填内容后再提交。");
        }
        return parts[0];
    }

    /** Whether some possible answer makes the token's MAC: a question's sum lies between 2 and 2 × MAX_TERM. */
    private boolean issuedHere(String nonce, long shownAt, String mac) {
        byte[] given = mac.getBytes(StandardCharsets.US_ASCII);
        for (int sum = 2; sum <= 2 * MAX_TERM; sum++) {
            if (MessageDigest.isEqual(mac(nonce, shownAt, String.valueOf(sum)).getBytes(StandardCharsets.US_ASCII),
                    given)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Records that the token has had its answer. The primary key decides between two answers sent at once, on any
     * node; in a transaction of its own, so that the refusal of the form cannot roll it back.
     */
    private void spend(String nonce, Instant now) {
        try {
            separate.executeWithoutResult(s -> jdbc.update(
                    "INSERT INTO human_check_answer (nonce, answered_at) VALUES (?, ?)", nonce, Timestamp.from(now)));
        } catch (DuplicateKeyException e) {
            throw refused("此验证问题已使用过，请回答新的验证问题后再提交。");
        }
    }

    /** A token older than maxAge is refused before its nonce is looked at, so its row is no longer needed. */
    @SchedulerLock(name = "requests.human-check-expiry", lockAtMostFor = "PT5M", lockAtLeastFor = "PT1M")
    @Scheduled(fixedDelay = 600_000)
    void forgetExpired() {
        jdbc.update("DELETE FROM human_check_answer WHERE answered_at < ?",
                Timestamp.from(Instant.now().minus(maxAge)));
    }

    private static InvalidInputProblem refused(String message) {
        return new InvalidInputProblem("humanCheck", message);
    }

    private String mac(String nonce, long shownAt, String answer) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] out = mac.doFinal((nonce + "|" + shownAt + "|" + answer).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
