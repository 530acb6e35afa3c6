package gongkai.notify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gongkai.catalog.Catalog;
import gongkai.notify.internal.MessageDraft;
import gongkai.notify.internal.Outbox;
import gongkai.notify.internal.SubscriptionProperties;
import gongkai.notify.internal.channel.Channels;
import gongkai.notify.internal.channel.MessageKinds;
import gongkai.notify.internal.channel.WebhookChannel;
import gongkai.org.Organisations;
import gongkai.privacy.Masking;
import gongkai.region.Regions;
import gongkai.shared.CanonicalJson;
import gongkai.shared.ConflictProblem;
import gongkai.shared.FloodLimits;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.NotFoundProblem;
import gongkai.shared.PublicAddress;

/**
 * Subscriptions to push: asked for by anyone, active only once confirmed through their own channel (a link, or a
 * code for SMS), ended in one click from any message. An address is kept only while a subscription uses it;
 * unconfirmed subscriptions are deleted when their confirmation lapses.
 */
@Service
public class Subscriptions {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_CODES = 50;

    private final JdbcTemplate jdbc;
    private final Catalog catalog;
    private final Regions regions;
    private final Organisations organisations;
    private final Outbox outbox;
    private final Channels channels;
    private final WebhookChannel webhooks;
    private final SubscriptionProperties properties;
    private final FloodLimits floods;
    private final PublicAddress site;
    private final Clock clock;

    Subscriptions(JdbcTemplate jdbc, Catalog catalog, Regions regions, Organisations organisations, Outbox outbox,
            Channels channels, WebhookChannel webhooks, SubscriptionProperties properties, FloodLimits floods, PublicAddress site,
            Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.regions = regions;
        this.organisations = organisations;
        this.outbox = outbox;
        this.channels = channels;
        this.webhooks = webhooks;
        this.properties = properties;
        this.floods = floods;
        this.site = site;
        this.clock = clock;
    }

    /** The channels a subscriber may choose on this platform: those configured. */
    public List<ChannelKind> availableChannels() {
        return channels.available();
    }

    /**
     * Stores a subscription waiting for confirmation and sends the confirmation through its channel. Every field is
     * checked first; nothing is stored when one is wrong.
     */
    @Transactional
    public SubscriptionReceipt subscribe(NewSubscription in) {
        String address = check(in);
        floods.pass("subscribe", properties.intake(), "订阅申请过于频繁，请" + properties.intake().windowText()
                + "后再试。");
        Instant now = clock.instant();
        long addressId = addressId(in.channel(), address, now);
        String token = random(24);
        boolean code = in.channel() == ChannelKind.SMS;
        String secret = code ? String.format("%06d", RANDOM.nextInt(1_000_000)) : random(24);
        Instant expires = now.plus(code ? properties.codeValidity() : properties.linkValidity());
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(c -> {
            java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO notify_subscription (address_id, status, "
                    + "frequency, any_domain, any_region, any_item, any_org, token, confirm_hash, confirm_attempts, "
                    + "confirm_expires, secret, created_at) VALUES (?, 'PENDING', ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
                    new String[] {"id"});
            ps.setLong(1, addressId);
            ps.setString(2, in.frequency().name());
            ps.setBoolean(3, in.domains().isEmpty());
            ps.setBoolean(4, in.regions().isEmpty());
            ps.setBoolean(5, in.items().isEmpty());
            ps.setBoolean(6, in.orgs().isEmpty());
            ps.setString(7, token);
            ps.setString(8, sha256(secret));
            ps.setTimestamp(9, Timestamp.from(expires));
            ps.setString(10, in.channel() == ChannelKind.WEBHOOK ? in.secret() : null);
            ps.setTimestamp(11, Timestamp.from(now));
            return ps;
        }, keys);
        long id = keys.getKey().longValue();
        filters(id, "domain", in.domains());
        filters(id, "region", in.regions());
        filters(id, "item", in.items());
        filters(id, "org", in.orgs());
        String masked = mask(in.channel(), address);
        String what = describe(in.domains(), in.regions(), in.items(), in.orgs());
        Map<String, String> fields = new LinkedHashMap<>();
        String text;
        if (code) {
            fields.put("code", secret);
            text = "验证码" + secret + "，用于确认订阅宜春市政府信息公开推送（" + what + "），" + properties.codeValidity().toMinutes()
                    + "分钟内有效。如非本人操作，请忽略。";
        } else {
            String link = site.link("/subscribe/confirm/" + secret);
            fields.put("url", link);
            text = "您（或他人以此地址）订阅了宜春市政府信息公开推送：" + what + "，" + in.frequency().label() + "。\n\n"
                    + "确认订阅，请打开：" + link + "\n\n该链接" + properties.linkValidity().toHours()
                    + "小时内有效。如非本人操作，请忽略本消息，订阅不会生效，地址将被删除。";
        }
        outbox.direct(new MessageDraft("confirm:" + id, MessageKinds.CONFIRM, MessageDraft.PRIORITY,
                MessageDraft.Audience.DIRECT, null, null, null, List.of(), "请确认订阅宜春市政府信息公开推送", text, null,
                fields), in.channel(), address, masked, id);
        String next = code ? "验证码已发送至" + masked + "，请在" + properties.codeValidity().toMinutes() + "分钟内输入验证码完成订阅。"
                : "确认链接已发送至" + masked + "，请在" + properties.linkValidity().toHours() + "小时内打开链接完成订阅。";
        return new SubscriptionReceipt(id, in.channel(), masked, code ? "CODE" : "LINK", next);
    }

    /**
     * Whether a confirmation link's token would confirm now, without confirming: the link's page asks before it
     * confirms, because mail scanners open links.
     */
    @Transactional(readOnly = true)
    public boolean confirmable(String token) {
        if (token == null || token.isBlank() || token.length() > 64) {
            return false;
        }
        return jdbc.queryForObject("SELECT COUNT(*) FROM notify_subscription WHERE confirm_hash = ? AND status = "
                + "'PENDING' AND confirm_expires > ?", Long.class, sha256(token.strip()),
                Timestamp.from(clock.instant())) > 0;
    }

    /** Confirms by the link's token. */
    @Transactional
    public SubscriptionView confirmLink(String token) {
        String hash = sha256(token == null ? "" : token.strip());
        List<Long> ids = jdbc.queryForList("SELECT id FROM notify_subscription WHERE confirm_hash = ? AND status = "
                + "'PENDING' AND confirm_expires > ?", Long.class, hash, Timestamp.from(clock.instant()));
        if (ids.isEmpty()) {
            throw new NotFoundProblem("确认链接无效或已过期，请重新订阅。");
        }
        return activate(ids.get(0));
    }

    /** Confirms an SMS subscription by its code; five wrong codes end the code. */
    @Transactional(noRollbackFor = InvalidInputProblem.class)
    public SubscriptionView confirmCode(long id, String code) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT confirm_hash, confirm_attempts, confirm_expires "
                + "FROM notify_subscription WHERE id = ? AND status = 'PENDING'", id);
        if (rows.isEmpty()) {
            throw new NotFoundProblem("没有待确认的该项订阅，请重新订阅。");
        }
        Map<String, Object> r = rows.get(0);
        int attempts = ((Number) r.get("confirm_attempts")).intValue();
        Instant expires = instant(r.get("confirm_expires"));
        if (attempts >= properties.codeAttempts() || !expires.isAfter(clock.instant())) {
            throw new ConflictProblem("验证码已失效，请重新订阅。");
        }
        String typed = code == null ? "" : code.strip();
        if (!typed.matches("\\d{6}")) {
            throw new InvalidInputProblem("code", "请输入短信中的6位数字验证码。");
        }
        if (!MessageDigest.isEqual(sha256(typed).getBytes(StandardCharsets.US_ASCII),
                ((String) r.get("confirm_hash")).getBytes(StandardCharsets.US_ASCII))) {
            jdbc.update("UPDATE notify_subscription SET confirm_attempts = confirm_attempts + 1 WHERE id = ?", id);
            int left = properties.codeAttempts() - attempts - 1;
            throw new InvalidInputProblem("code", left > 0 ? "验证码不正确，还可以再试" + left + "次。" : "验证码不正确，已失效，请重新订阅。");
        }
        return activate(id);
    }

    private SubscriptionView activate(long id) {
        jdbc.update("UPDATE notify_subscription SET status = 'ACTIVE', confirm_hash = NULL, confirm_expires = NULL, "
                + "confirmed_at = ? WHERE id = ?", Timestamp.from(clock.instant()), id);
        return view(id);
    }

    /** The subscription an unsubscribe link names. */
    @Transactional(readOnly = true)
    public Optional<SubscriptionView> byToken(String token) {
        if (token == null || token.isBlank() || token.length() > 64) {
            return Optional.empty();
        }
        return jdbc.queryForList("SELECT id FROM notify_subscription WHERE token = ?", Long.class, token.strip())
                .stream().findFirst().map(this::view);
    }

    /** The unsubscribe link's token of a subscription, for its confirmation page. */
    @Transactional(readOnly = true)
    public String tokenOf(long id) {
        return jdbc.queryForObject("SELECT token FROM notify_subscription WHERE id = ?", String.class, id);
    }

    /**
     * Ends the subscription the token names: it and its undelivered messages are deleted, and the address too when
     * nothing else uses it. False when there was no such subscription (already ended).
     */
    @Transactional
    public boolean unsubscribe(String token) {
        List<Map<String, Object>> rows = token == null || token.length() > 64 ? List.of()
                : jdbc.queryForList("SELECT id, address_id FROM notify_subscription WHERE token = ?", token.strip());
        if (rows.isEmpty()) {
            return false;
        }
        delete(((Number) rows.get(0).get("id")).longValue(), ((Number) rows.get(0).get("address_id")).longValue());
        return true;
    }

    /** Changes how often the subscriber hears. */
    @Transactional
    public SubscriptionView changeFrequency(String token, Frequency frequency) {
        SubscriptionView s = byToken(token).orElseThrow(() -> new NotFoundProblem("该订阅不存在或已退订。"));
        if (frequency == null) {
            throw new InvalidInputProblem("frequency", "请选择推送频率：即时推送或每日汇总。");
        }
        jdbc.update("UPDATE notify_subscription SET frequency = ? WHERE id = ?", frequency.name(), s.id());
        return view(s.id());
    }

    /** Deletes subscriptions whose confirmation lapsed, and addresses left without one; answers how many. */
    @Transactional
    public int purgeUnconfirmed() {
        List<Map<String, Object>> lapsed = jdbc.queryForList("SELECT id, address_id FROM notify_subscription WHERE "
                + "status = 'PENDING' AND (confirm_expires < ? OR confirm_attempts >= ?)",
                Timestamp.from(clock.instant()), properties.codeAttempts());
        lapsed.forEach(r -> delete(((Number) r.get("id")).longValue(), ((Number) r.get("address_id")).longValue()));
        return lapsed.size();
    }

    private void delete(long id, long addressId) {
        jdbc.update("DELETE FROM notify_delivery WHERE subscription_id = ? AND status IN ('QUEUED', 'HELD')", id);
        jdbc.update("UPDATE notify_delivery SET subscription_id = NULL WHERE subscription_id = ?", id);
        jdbc.update("DELETE FROM notify_subscription_filter WHERE subscription_id = ?", id);
        jdbc.update("DELETE FROM notify_subscription WHERE id = ?", id);
        Long others = jdbc.queryForObject("SELECT COUNT(*) FROM notify_subscription WHERE address_id = ?", Long.class,
                addressId);
        if (others == 0) {
            String key = "a" + addressId;
            jdbc.update("DELETE FROM notify_delivery WHERE recipient_key = ? AND status IN ('QUEUED', 'HELD')", key);
            jdbc.update("UPDATE notify_delivery SET address = NULL WHERE recipient_key = ?", key);
            jdbc.update("DELETE FROM notify_address WHERE id = ?", addressId);
        }
    }

    /** Counts for staff: subscriptions by channel and state, addresses disabled after bounces. */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> overview() {
        return jdbc.queryForList("SELECT a.channel, s.status, COUNT(*) AS n FROM notify_subscription s JOIN "
                + "notify_address a ON a.id = s.address_id GROUP BY a.channel, s.status ORDER BY a.channel, s.status");
    }

    /** The newest subscriptions as staff see them: addresses masked. */
    @Transactional(readOnly = true)
    public List<SubscriptionView> latest(int limit) {
        return jdbc.queryForList("SELECT id FROM notify_subscription ORDER BY id DESC LIMIT ?", Long.class, limit)
                .stream().map(this::view).toList();
    }

    private SubscriptionView view(long id) {
        Map<String, Object> r = jdbc.queryForMap("SELECT s.*, a.channel, a.masked FROM notify_subscription s JOIN "
                + "notify_address a ON a.id = s.address_id WHERE s.id = ?", id);
        Map<String, List<String>> f = new LinkedHashMap<>();
        for (Map<String, Object> row : jdbc.queryForList("SELECT kind, val FROM notify_subscription_filter WHERE "
                + "subscription_id = ? ORDER BY kind, val", id)) {
            f.computeIfAbsent((String) row.get("kind"), k -> new ArrayList<>()).add((String) row.get("val"));
        }
        List<String> d = f.getOrDefault("domain", List.of());
        List<String> rg = f.getOrDefault("region", List.of());
        List<String> it = f.getOrDefault("item", List.of());
        List<String> o = f.getOrDefault("org", List.of());
        Instant confirmed = instant(r.get("confirmed_at"));
        return new SubscriptionView(id, ChannelKind.valueOf((String) r.get("channel")), (String) r.get("masked"),
                (String) r.get("status"), Frequency.valueOf((String) r.get("frequency")), d, rg, it, o,
                describe(d, rg, it, o), instant(r.get("created_at")), confirmed);
    }

    /** What a subscription covers, as its subscriber reads it: 领域：社会救助；地区：袁州区. */
    public String describe(List<String> domains, List<String> regionCodes, List<String> items, List<String> orgs) {
        List<String> parts = new ArrayList<>();
        if (!domains.isEmpty()) {
            parts.add("领域：" + String.join("、", domains.stream()
                    .map(c -> catalog.domain(c).map(x -> x.name()).orElse(c)).toList()));
        }
        if (!regionCodes.isEmpty()) {
            parts.add("地区：" + String.join("、", regionCodes.stream()
                    .map(c -> regions.find(c).map(x -> x.name()).orElse(c)).toList()));
        }
        if (!items.isEmpty()) {
            parts.add("事项：" + String.join("、", items.stream()
                    .map(c -> catalog.item(c).map(x -> x.name()).orElse(c)).toList()));
        }
        if (!orgs.isEmpty()) {
            parts.add("单位：" + String.join("、", orgs.stream()
                    .map(c -> organisations.find(c).map(x -> x.name()).orElse(c)).toList()));
        }
        return parts.isEmpty() ? "全部公开信息" : String.join("；", parts);
    }

    // ----- checks

    /** Checks every field at once; answers the address in its stored form. */
    private String check(NewSubscription in) {
        Map<String, String> errors = new LinkedHashMap<>();
        String address = null;
        if (in.channel() == null) {
            errors.put("channel", "请选择推送方式：电子邮件、短信、微信或 Webhook。");
        } else if (!availableChannels().contains(in.channel())) {
            errors.put("channel", "本平台尚未开通" + in.channel().label() + "推送，请选择其他方式。");
        } else {
            address = normalise(in.channel(), in.address());
            String problem = addressProblem(in.channel(), address);
            if (problem != null) {
                errors.put("address", problem);
            }
            if (in.channel() == ChannelKind.WEBHOOK) {
                String secret = in.secret() == null ? "" : in.secret();
                if (secret.length() < 16 || secret.length() > 200) {
                    errors.put("secret", "请填写16至200个字符的签名密钥，用于校验推送内容（X-Gongkai-Signature）。");
                }
            }
        }
        codes(errors, "domains", in.domains(), c -> catalog.domain(c).isPresent(), "领域");
        codes(errors, "regions", in.regions(), regions::exists, "地区");
        codes(errors, "items", in.items(), c -> catalog.item(c).isPresent(), "公开事项");
        codes(errors, "orgs", in.orgs(), organisations::exists, "单位");
        if (!errors.isEmpty()) {
            throw InvalidInputProblem.of(errors);
        }
        return address;
    }

    private static void codes(Map<String, String> errors, String field, List<String> codes,
            java.util.function.Predicate<String> known, String what) {
        if (codes.size() > MAX_CODES) {
            errors.put(field, what + "最多选择" + MAX_CODES + "项。");
            return;
        }
        for (String c : codes) {
            if (c.length() > 60 || !known.test(c)) {
                errors.put(field, "没有代码为“" + (c.length() > 60 ? c.substring(0, 60) + "…" : c) + "”的" + what + "。");
                return;
            }
        }
    }

    static String normalise(ChannelKind channel, String address) {
        if (address == null) {
            return "";
        }
        String a = address.strip();
        switch (channel) {
            case EMAIL:
                return a.toLowerCase(Locale.ROOT);
            case SMS:
                String digits = a.replace(" ", "").replace("-", "");
                if (digits.startsWith("+86")) {
                    digits = digits.substring(3);
                } else if (digits.startsWith("0086")) {
                    digits = digits.substring(4);
                }
                return digits;
            default:
                return a;
        }
    }

    private String addressProblem(ChannelKind channel, String address) {
        if (address.isEmpty()) {
            return "请填写接收推送的" + switch (channel) {
                case EMAIL -> "电子邮件地址";
                case SMS -> "手机号码";
                case WECHAT -> "微信 openid";
                case WEBHOOK -> "Webhook 地址";
            } + "。";
        }
        switch (channel) {
            case EMAIL:
                return address.length() <= 200 && address.matches("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+")
                        ? null : "电子邮件地址格式不正确，例如 name@example.com。";
            case SMS:
                return address.matches("1[3-9]\\d{9}") ? null : "手机号码应为11位中国大陆手机号，例如 13800000000。";
            case WECHAT:
                return address.matches("[A-Za-z0-9_-]{16,64}") ? null : "微信 openid 格式不正确（16至64位字母、数字、-或_）。";
            default:
                return address.length() > 500 ? "Webhook 地址过长（最多500个字符）。" : webhooks.problemWithUrl(address);
        }
    }

    static String mask(ChannelKind channel, String address) {
        switch (channel) {
            case EMAIL:
                return Masking.email(address);
            case SMS:
                return Masking.mobile(address);
            case WEBHOOK:
                java.net.URI uri = java.net.URI.create(address);
                return uri.getScheme() + "://" + uri.getHost() + "/…";
            default:
                return address.substring(0, 4) + "…" + address.substring(address.length() - 2);
        }
    }

    private long addressId(ChannelKind channel, String address, Instant now) {
        Optional<Long> known = jdbc.queryForList("SELECT id FROM notify_address WHERE channel = ? AND address = ?",
                Long.class, channel.name(), address).stream().findFirst();
        if (known.isPresent()) {
            return known.get();
        }
        // Not INSERT-and-catch: a failed statement ends a PostgreSQL transaction.
        jdbc.update("INSERT INTO notify_address (channel, address, masked, bounces, created_at) SELECT ?, ?, ?, 0, ? "
                + "WHERE NOT EXISTS (SELECT 1 FROM notify_address WHERE channel = ? AND address = ?)", channel.name(),
                address, mask(channel, address), Timestamp.from(now), channel.name(), address);
        return jdbc.queryForObject("SELECT id FROM notify_address WHERE channel = ? AND address = ?", Long.class,
                channel.name(), address);
    }

    private void filters(long id, String kind, List<String> codes) {
        for (String c : codes) {
            jdbc.update("INSERT INTO notify_subscription_filter (subscription_id, kind, val) VALUES (?, ?, ?)", id, kind,
                    c);
        }
    }

    /** A time column as read from a map: H2 answers OffsetDateTime for TIMESTAMP WITH TIME ZONE, PostgreSQL Timestamp. */
    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.time.OffsetDateTime) {
            return ((java.time.OffsetDateTime) value).toInstant();
        }
        return value instanceof Instant ? (Instant) value : ((Timestamp) value).toInstant();
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String sha256(String text) {
        return CanonicalJson.sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
