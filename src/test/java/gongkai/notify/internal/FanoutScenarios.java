package gongkai.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.JdbcTemplate;

import gongkai.notify.internal.channel.MessageKinds;

/**
 * What the fan-out must do, on whichever database the platform runs: {@link FanoutTest} on H2,
 * {@link FanoutPostgresTest} on PostgreSQL. Subscriptions are written straight into the tables (confirmation is
 * tested elsewhere), each scenario with addresses of its own, and the message goes through the outbox to the node's
 * own fan-out threads; the context runs with a fan-out chunk of two subscriptions, so that every scenario crosses
 * several chunks.
 */
final class FanoutScenarios {

    static final String TOWNSHIP = "360902001";
    static final String OTHER_TOWNSHIP = "360902002";
    static final String COUNTY = "360902";
    static final String OTHER_COUNTY = "360921";
    static final String CITY = "360900";

    private static final AtomicInteger NUMBERS = new AtomicInteger();

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final RegionScope scope;

    FanoutScenarios(JdbcTemplate jdbc, Outbox outbox, RegionScope scope) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.scope = scope;
    }

    /** An address with three subscriptions that match hears once, through one of them, across chunks. */
    void anAddressHearsOnceHoweverManyOfItsSubscriptionsMatch() {
        long twice = address();
        long first = subscribe(twice, "IMMEDIATE", "ACTIVE", Map.of("domain", List.of("social-assistance")));
        long between = subscribe(address(), "IMMEDIATE", "ACTIVE", Map.of("domain", List.of("social-assistance")));
        long third = subscribe(twice, "IMMEDIATE", "ACTIVE", Map.of("region", List.of(COUNTY)));
        long fourth = subscribe(twice, "IMMEDIATE", "ACTIVE", Map.of());
        long message = record("social-assistance", "sa-recipients", List.of(COUNTY));

        Map<Long, Long> bySubscription = deliveries(message);
        assertThat(bySubscription.values().stream().filter(a -> a == twice)).hasSize(1);
        assertThat(bySubscription).containsKey(between);
        assertThat(bySubscription.keySet()).containsAnyOf(first, third, fourth);
    }

    /** Each kind of filter narrows: a subscription hears only of what matches every kind it named. */
    void filtersNarrow() {
        long field = subscribe(address(), "IMMEDIATE", "ACTIVE", Map.of("domain", List.of("social-assistance")));
        long otherField = subscribe(address(), "IMMEDIATE", "ACTIVE", Map.of("domain", List.of("education")));
        long item = subscribe(address(), "IMMEDIATE", "ACTIVE", Map.of("item", List.of("sa-recipients")));
        long otherItem = subscribe(address(), "IMMEDIATE", "ACTIVE", Map.of("item", List.of("sa-policy")));
        long org = subscribe(address(), "IMMEDIATE", "ACTIVE", Map.of("org", List.of("ycsmzj"),
                "domain", List.of("education", "social-assistance")));
        long otherOrg = subscribe(address(), "IMMEDIATE", "ACTIVE", Map.of("org", List.of("ycsjyj"),
                "domain", List.of("social-assistance")));
        long fieldButOtherRegion = subscribe(address(), "IMMEDIATE", "ACTIVE",
                Map.of("domain", List.of("social-assistance"), "region", List.of(OTHER_COUNTY)));
        long unconfirmed = subscribe(address(), "IMMEDIATE", "PENDING", Map.of());
        long disabledAddress = address();
        jdbc.update("UPDATE notify_address SET disabled_at = ? WHERE id = ?", Timestamp.from(Instant.now()),
                disabledAddress);
        long disabled = subscribe(disabledAddress, "IMMEDIATE", "ACTIVE", Map.of());
        long message = record("social-assistance", "sa-recipients", List.of(COUNTY));

        assertThat(deliveries(message).keySet()).contains(field, item, org)
                .doesNotContain(otherField, otherItem, otherOrg, fieldButOtherRegion, unconfirmed, disabled);
    }

    /**
     * A message about a township reaches subscribers of its county and city (and not of a sibling township); one about
     * a county reaches subscribers of its townships.
     */
    void regionsWiden() {
        long township = subscribe(address(), "IMMEDIATE", "ACTIVE", Map.of("region", List.of(TOWNSHIP)));
        long sibling = subscribe(address(), "IMMEDIATE", "ACTIVE", Map.of("region", List.of(OTHER_TOWNSHIP)));
        long county = subscribe(address(), "IMMEDIATE", "ACTIVE", Map.of("region", List.of(COUNTY)));
        long city = subscribe(address(), "IMMEDIATE", "ACTIVE", Map.of("region", List.of(CITY)));
        long otherCounty = subscribe(address(), "IMMEDIATE", "ACTIVE", Map.of("region", List.of(OTHER_COUNTY)));
        long twoRegions = subscribe(address(), "IMMEDIATE", "ACTIVE",
                Map.of("region", List.of(OTHER_COUNTY, TOWNSHIP)));

        assertThat(deliveries(record("culture-sports", null, List.of(TOWNSHIP))).keySet())
                .contains(township, county, city, twoRegions).doesNotContain(sibling, otherCounty);
        assertThat(deliveries(record("culture-sports", null, List.of(COUNTY))).keySet())
                .contains(township, sibling, county, city, twoRegions).doesNotContain(otherCounty);
    }

    /** A daily-digest subscriber's record notice is held for the digest; a warning goes to them at once. */
    void digestSubscribersAreHeldExceptForWarnings() {
        long digest = subscribe(address(), "DIGEST", "ACTIVE", Map.of("region", List.of(COUNTY)));
        long immediate = subscribe(address(), "IMMEDIATE", "ACTIVE", Map.of("region", List.of(COUNTY)));
        long message = record("social-assistance", null, List.of(COUNTY));
        assertThat(status(message, digest)).isEqualTo("HELD");
        assertThat(status(message, immediate)).isNotEqualTo("HELD");

        long warning = post(new MessageDraft("warning:fanout-" + NUMBERS.incrementAndGet(), MessageKinds.WARNING,
                MessageDraft.PRIORITY, MessageDraft.Audience.SUBSCRIBERS, null, null, null,
                scope.concerned(List.of(COUNTY)), "【预警】暴雨橙色预警", "暴雨橙色预警（测试）。", null, Map.of()));
        assertThat(status(warning, digest)).isNotEqualTo("HELD");
    }

    private long record(String domain, String item, Collection<String> regions) {
        int n = NUMBERS.incrementAndGet();
        return post(new MessageDraft("record:FANOUT-" + n + ":1:PUBLISH", MessageKinds.RECORD_PUBLISHED,
                MessageDraft.NORMAL, MessageDraft.Audience.SUBSCRIBERS, "ycsmzj", domain, item,
                scope.concerned(regions), "【发布】测试信息" + n, "测试信息。", null, Map.of()));
    }

    /**
     * Posts the message and waits (up to 20 s) until the node's fan-out has finished it and its senders have taken
     * every batch it made (turned them into delivery rows).
     */
    private long post(MessageDraft draft) {
        long id = outbox.post(draft).id();
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (!"DONE".equals(jdbc.queryForObject("SELECT fanout_status FROM notify_message WHERE id = ?",
                String.class, id)) || jdbc.queryForObject("SELECT COUNT(*) FROM notify_batch WHERE message_id = ? AND "
                        + "status = 'QUEUED'", Long.class, id) > 0) {
            assertThat(Instant.now()).as("fan-out of message %d finished and taken within 20 s", id).isBefore(until);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return id;
    }

    /** The message's deliveries: subscription id → address id; fails on a second delivery to one address. */
    private Map<Long, Long> deliveries(long message) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT subscription_id, recipient_key FROM notify_delivery "
                + "WHERE message_id = ?", message);
        Map<Long, Long> result = new java.util.HashMap<>();
        Set<String> recipients = new java.util.HashSet<>();
        for (Map<String, Object> r : rows) {
            String key = (String) r.get("recipient_key");
            assertThat(recipients.add(key)).as("one delivery per address, %s twice", key).isTrue();
            result.put(((Number) r.get("subscription_id")).longValue(), Long.parseLong(key.substring(1)));
        }
        return result;
    }

    private String status(long message, long subscription) {
        return jdbc.queryForObject("SELECT status FROM notify_delivery WHERE message_id = ? AND subscription_id = ?",
                String.class, message, subscription);
    }

    /** A new SMS address (the test's recording channel takes SMS); answers its id. */
    private long address() {
        String phone = String.format("139%08d", NUMBERS.incrementAndGet());
        jdbc.update("INSERT INTO notify_address (channel, address, masked, bounces, created_at) VALUES ('SMS', ?, ?, 0, "
                + "?)", phone, phone.substring(0, 3) + "****" + phone.substring(7), Timestamp.from(Instant.now()));
        return jdbc.queryForObject("SELECT id FROM notify_address WHERE channel = 'SMS' AND address = ?", Long.class,
                phone);
    }

    /** A subscription of the address with the given filters (a kind not named = any); answers its id. */
    private long subscribe(long address, String frequency, String status, Map<String, List<String>> filters) {
        String token = "fanout-" + NUMBERS.incrementAndGet() + "-" + System.nanoTime();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("INSERT INTO notify_subscription (address_id, status, frequency, any_domain, any_region, any_item, "
                + "any_org, token, confirm_attempts, created_at, confirmed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                address, status, frequency, !filters.containsKey("domain"), !filters.containsKey("region"),
                !filters.containsKey("item"), !filters.containsKey("org"), token, now,
                "ACTIVE".equals(status) ? now : null);
        long id = jdbc.queryForObject("SELECT id FROM notify_subscription WHERE token = ?", Long.class, token);
        List<Object[]> rows = new ArrayList<>();
        filters.forEach((kind, values) -> values.forEach(v -> rows.add(new Object[] {id, kind, v})));
        jdbc.batchUpdate("INSERT INTO notify_subscription_filter (subscription_id, kind, val) VALUES (?, ?, ?)", rows);
        return id;
    }
}
