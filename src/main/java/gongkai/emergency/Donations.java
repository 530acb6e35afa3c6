package gongkai.emergency;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gongkai.org.Organisations;
import gongkai.region.Regions;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.AuditedChange;
import gongkai.shared.CanonicalJson;
import gongkai.shared.ConflictProblem;
import gongkai.shared.FloodLimits;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.InvalidInputProblem.FieldError;
import gongkai.shared.NotFoundProblem;
import gongkai.shared.PlatformConfiguration;
import gongkai.shared.Role;
import gongkai.shared.TooManyRequestsProblem;
import gongkai.shared.UnsafeCharacters;

/**
 * The relief-donation ledgers (救灾捐赠台账). An ADMIN or APPROVER of an organisation opens a campaign, and closes it
 * to receipts (停止接收) with a public statement; its EDITORs append receipts, allocations and reversals, each in one
 * transaction that locks the campaign row, checks the category's balance and updates it, so two allocations racing for
 * the last funds never both succeed. Entries are never changed (the database refuses UPDATE and DELETE on them, see
 * V38).
 */
@Service
@Transactional
public class Donations {

    private static final String LOOKUP_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    /** The same answer for an unknown receipt number and a wrong code, so neither can be guessed one at a time. */
    public static final String LOOKUP_FAILED = "收据号或查询码不正确，请核对后重试。";
    private static final String LOOKUP_ACTION = "donation.lookup";

    private final JdbcTemplate jdbc;
    private final Regions regions;
    private final Organisations organisations;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final FloodLimits floodLimits;
    private final FloodLimits.Limit lookupLimit;
    private final SecureRandom random = new SecureRandom();

    Donations(JdbcTemplate jdbc, Regions regions, Organisations organisations, Clock clock,
            ApplicationEventPublisher events, FloodLimits floodLimits,
            @Value("${gongkai.emergency.lookup.max-per-address:10}") int lookupsPerAddress,
            @Value("${gongkai.emergency.lookup.window:15m}") Duration lookupWindow) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.organisations = organisations;
        this.clock = clock;
        this.events = events;
        this.floodLimits = floodLimits;
        this.lookupLimit = new FloodLimits.Limit(lookupsPerAddress, lookupWindow);
    }

    /** Who may open a campaign for an organisation: its ADMIN or APPROVER (one rule for page and API). */
    public static Optional<String> whyCannotOpen(Actor actor, String org) {
        if (actor == null) {
            return Optional.of("请先登录。");
        }
        if (actor.canActFor(org, Role.ADMIN) || actor.canActFor(org, Role.APPROVER)) {
            return Optional.empty();
        }
        return Optional.of("只有组织机构的管理员或审核人可以为本机构开设捐赠活动。");
    }

    /** Who may record entries of a campaign: an EDITOR of its organiser. */
    public static Optional<String> whyCannotRecord(Actor actor, String org) {
        if (actor == null) {
            return Optional.of("请先登录。");
        }
        if (actor.canActFor(org, Role.EDITOR)) {
            return Optional.empty();
        }
        return Optional.of("只有组织机构的编辑人员可以登记本机构捐赠活动的台账。");
    }

    /** Who may close (停止接收) a campaign of an organisation: its ADMIN or APPROVER (one rule for page and API). */
    public static Optional<String> whyCannotClose(Actor actor, String org) {
        if (actor == null) {
            return Optional.of("请先登录。");
        }
        if (actor.canActFor(org, Role.ADMIN) || actor.canActFor(org, Role.APPROVER)) {
            return Optional.empty();
        }
        return Optional.of("只有组织机构的管理员或审批人员可以停止接收本机构捐赠活动的捐赠。");
    }

    /** Whether the back office's donation desk is for this person: staff who may open campaigns or record entries. */
    public static boolean mayUseDesk(Actor actor) {
        return actor != null && actor.orgCode() != null
                && (whyCannotOpen(actor, actor.orgCode()).isEmpty() || whyCannotRecord(actor, actor.orgCode()).isEmpty());
    }

    /** The campaigns this person may work on: their organisation's, or all for the city office's ADMIN. */
    @Transactional(readOnly = true)
    public List<DonationCampaign> campaignsFor(Actor actor) {
        return campaigns().stream().filter(c -> actor.canActFor(c.orgCode())).toList();
    }

    public long open(NewCampaign c, Actor by) {
        List<FieldError> errors = new ArrayList<>();
        String name = strip(c.name());
        if (name == null) {
            errors.add(new FieldError("name", "请填写捐赠活动名称。"));
        } else if (name.length() > 200) {
            errors.add(new FieldError("name", "捐赠活动名称不能超过200个字符。"));
        }
        String org = strip(c.org());
        if (org == null || !organisations.exists(org)) {
            errors.add(new FieldError("org", org == null ? "请填写组织机构代码。" : "组织机构“" + org + "”不存在。"));
        }
        String region = strip(c.region());
        if (region == null || !regions.exists(region)) {
            errors.add(new FieldError("region", region == null ? "请填写行政区划代码。" : "行政区划“" + region + "”不存在。"));
        }
        if (c.startsOn() == null) {
            errors.add(new FieldError("startsOn", "请填写开始日期。"));
        }
        FieldError unsafe = c.name() == null ? null : UnsafeCharacters.complaint("name", c.name());
        if (unsafe != null) {
            errors.add(unsafe);
        }
        if (c.emergencyId() != null && jdbc.queryForObject("SELECT COUNT(*) FROM emergency WHERE id = ?",
                Integer.class, c.emergencyId()) == 0) {
            errors.add(new FieldError("emergencyId", "没有编号为" + c.emergencyId() + "的突发事件。"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        whyCannotOpen(by, org).ifPresent(why -> {
            throw new AccessDeniedProblem(why);
        });
        return insertCampaign(name, org, region, c.startsOn(), c.emergencyId(), false, by.username());
    }

    long insertCampaign(String name, String org, String region, LocalDate startsOn, Long emergency, boolean demo,
            String by) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO donation_campaign (name, org_code, region_code, starts_on, "
                    + "emergency_id, demo, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, name);
            ps.setString(2, org);
            ps.setString(3, region);
            ps.setObject(4, startsOn);
            ps.setObject(5, emergency, java.sql.Types.BIGINT);
            ps.setBoolean(6, demo);
            ps.setTimestamp(7, Timestamp.from(Instant.now(clock)));
            ps.setString(8, by);
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    /** Opens a demo campaign (示例数据) without an actor's check; for the demo loader only. */
    public long openDemo(NewCampaign c) {
        return insertCampaign(c.name(), c.org(), c.region(), c.startsOn(), c.emergencyId(), true, "demo");
    }

    /**
     * Closes the campaign to receipts (停止接收) with the organiser's public statement. Allocations and reversals go
     * on. The update holds the campaign's row, so a receipt being recorded at the same moment either commits first or
     * is refused; of two closes at once one wins and the other is told the campaign is closed.
     */
    public DonationCampaign close(long campaignId, String statement, Actor by) {
        DonationCampaign c = campaign(campaignId);
        whyCannotClose(by, c.orgCode()).ifPresent(why -> {
            throw new AccessDeniedProblem(why);
        });
        if (c.closed()) {
            throw new ConflictProblem(c.closeRefusal());
        }
        String text = strip(statement);
        if (text == null) {
            throw new InvalidInputProblem("statement", "请填写停止接收的说明（将在公开页面上显示）。");
        }
        if (text.length() > 1000) {
            throw new InvalidInputProblem("statement", "停止接收的说明不能超过1000个字，现为" + text.length() + "个字。");
        }
        FieldError unsafe = UnsafeCharacters.complaint("statement", text);
        if (unsafe != null) {
            throw new InvalidInputProblem(List.of(unsafe));
        }
        int updated = jdbc.update("UPDATE donation_campaign SET closed_at = ?, closed_by = ?, close_statement = ? "
                + "WHERE id = ? AND closed_at IS NULL", Timestamp.from(Instant.now(clock)), by.username(), text,
                campaignId);
        if (updated == 0) {
            throw new ConflictProblem(campaign(campaignId).closeRefusal());
        }
        events.publishEvent(new AuditedChange("donation.close", "donation_campaign", Long.toString(campaignId),
                "停止接收：" + c.name() + "。说明：" + text));
        return campaign(campaignId);
    }

    /** Appends an entry; bad input or a balance that would go negative changes nothing. */
    public RecordedEntry record(long campaignId, NewDonationEntry e, Actor by) {
        DonationCampaign campaign = campaign(campaignId);
        whyCannotRecord(by, campaign.orgCode()).ifPresent(why -> {
            throw new AccessDeniedProblem(why);
        });
        if (campaign.closed() && isReceipt(e)) {
            throw new ConflictProblem(campaign.receiptRefusal());
        }
        return append(campaignId, e, by.username());
    }

    private static boolean isReceipt(NewDonationEntry e) {
        return e.kind() != null && e.kind().strip().equalsIgnoreCase(EntryKind.RECEIPT.name());
    }

    private RecordedEntry append(long campaignId, NewDonationEntry e, String by) {
        List<FieldError> errors = new ArrayList<>();
        EntryKind kind = null;
        try {
            kind = e.kind() == null ? null : EntryKind.valueOf(e.kind().strip().toUpperCase());
        } catch (IllegalArgumentException ex) {
            // reported below
        }
        if (kind == null) {
            errors.add(new FieldError("kind", "请选择条目类型：RECEIPT（接收）、ALLOCATION（拨付）或 REVERSAL（冲正）。"));
        }
        LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.CHINA));
        if (e.date() == null) {
            errors.add(new FieldError("date", "请填写日期。"));
        } else if (e.date().isAfter(today)) {
            errors.add(new FieldError("date", "日期" + e.date() + "晚于今天，不能登记未来的日期。"));
        }
        for (String[] f : new String[][] {{"item", e.item()}, {"unit", e.unit()}}) {
            FieldError unsafe = f[1] == null ? null : UnsafeCharacters.complaint(f[0], f[1]);
            if (unsafe != null) {
                errors.add(unsafe);
            }
        }
        String source = limit(errors, "source", "捐赠人", e.source(), 200);
        String purpose = limit(errors, "purpose", "用途", e.purpose(), 300);
        String recipient = limit(errors, "recipient", "受助方", e.recipient(), 200);
        boolean person = e.recipientKind() != null && e.recipientKind().strip().equalsIgnoreCase("PERSON");
        if (e.recipientKind() != null && !e.recipientKind().isBlank() && !person
                && !e.recipientKind().strip().equalsIgnoreCase("ORGANISATION")) {
            errors.add(new FieldError("recipientKind", "受助方类型应为 PERSON（自然人）或 ORGANISATION（组织）。"));
        }
        DonationCategory category = null;
        BigDecimal amount = null;
        DonationEntry reversed = null;
        if (kind == EntryKind.REVERSAL) {
            if (e.reverses() == null) {
                errors.add(new FieldError("reverses", "请填写要冲正的条目编号。"));
            } else {
                reversed = entry(campaignId, e.reverses()).orElse(null);
                if (reversed == null) {
                    errors.add(new FieldError("reverses", "本活动台账中没有编号为" + e.reverses() + "的条目。"));
                } else if (reversed.kind() == EntryKind.REVERSAL) {
                    errors.add(new FieldError("reverses", "条目" + e.reverses() + "本身是冲正，不能冲正一笔冲正。"));
                } else {
                    category = reversed.category();
                    amount = reversed.amount();
                }
            }
        } else if (kind != null) {
            String cat = e.category() == null ? "money" : e.category().strip().toLowerCase();
            if (cat.equals("money")) {
                category = DonationCategory.MONEY;
                amount = e.amount();
                if (amount == null) {
                    errors.add(new FieldError("amount", "请填写金额（元）。"));
                } else if (amount.signum() <= 0) {
                    errors.add(new FieldError("amount", "金额应大于0元，收到的是" + amount.toPlainString() + "。"));
                } else if (amount.stripTrailingZeros().scale() > 2) {
                    errors.add(new FieldError("amount", "金额最多保留两位小数（元、角、分），收到的是"
                            + amount.toPlainString() + "。"));
                } else if (amount.compareTo(new BigDecimal("1000000000000")) >= 0) {
                    errors.add(new FieldError("amount", "金额过大。"));
                }
            } else if (cat.equals("goods")) {
                String item = strip(e.item());
                String unit = strip(e.unit());
                amount = e.quantity();
                if (item == null) {
                    errors.add(new FieldError("item", "请填写物资名称。"));
                } else if (item.length() > 100) {
                    errors.add(new FieldError("item", "物资名称不能超过100个字符。"));
                }
                if (unit == null) {
                    errors.add(new FieldError("unit", "请填写物资的计量单位（如 箱、公斤、件）。"));
                } else if (unit.length() > 20) {
                    errors.add(new FieldError("unit", "计量单位不能超过20个字符。"));
                }
                if (amount == null) {
                    errors.add(new FieldError("quantity", "请填写物资数量。"));
                } else if (amount.signum() <= 0) {
                    errors.add(new FieldError("quantity", "数量应大于0，收到的是" + amount.toPlainString() + "。"));
                } else if (amount.stripTrailingZeros().scale() > 3) {
                    errors.add(new FieldError("quantity", "数量最多保留三位小数。"));
                } else if (amount.compareTo(new BigDecimal("1000000000000")) >= 0) {
                    errors.add(new FieldError("quantity", "数量过大。"));
                }
                if (item != null && unit != null) {
                    category = new DonationCategory(item, unit);
                }
            } else {
                errors.add(new FieldError("category", "类别应为 money（资金）或 goods（物资）。"));
            }
            if (kind == EntryKind.ALLOCATION) {
                if (purpose == null) {
                    errors.add(new FieldError("purpose", "请填写拨付用途。"));
                }
                if (recipient == null) {
                    errors.add(new FieldError("recipient", "请填写受助方（组织或个人）。"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        // One writer per campaign at a time: the lock is held until commit, so the balance read below is current,
        // and so is whether the campaign still takes receipts.
        Object[] locked = jdbc.queryForObject("SELECT receipt_seq, closed_at FROM donation_campaign WHERE id = ? "
                + "FOR UPDATE", (rs, n) -> new Object[] {rs.getInt(1), rs.getTimestamp(2)}, campaignId);
        Integer seq = (Integer) locked[0];
        if (kind == EntryKind.RECEIPT && locked[1] != null) {
            throw new ConflictProblem(campaign(campaignId).receiptRefusal());
        }
        if (reversed != null && jdbc.queryForObject("SELECT COUNT(*) FROM donation_entry WHERE reverses = ?",
                Integer.class, reversed.id()) > 0) {
            throw new InvalidInputProblem("reverses", "条目" + reversed.id() + "已经冲正过，一笔条目只能冲正一次。");
        }
        CategoryBalance before = lockedBalance(campaignId, category);
        CategoryBalance after;
        if (kind == EntryKind.RECEIPT) {
            after = before.receive(amount);
        } else if (kind == EntryKind.ALLOCATION) {
            after = before.allocate(amount);
        } else if (reversed.kind() == EntryKind.RECEIPT) {
            after = before.reverseReceipt(amount);
        } else {
            after = before.reverseAllocation(amount);
        }
        String receiptNo = null;
        String code = null;
        if (kind == EntryKind.RECEIPT) {
            seq = seq + 1;
            receiptNo = "JZ-" + campaignId + "-" + String.format("%06d", seq);
            code = lookupCode();
        }
        jdbc.update("UPDATE donation_campaign SET receipt_seq = ?, entry_count = entry_count + 1 WHERE id = ?", seq,
                campaignId);
        saveBalance(campaignId, before, after);
        Instant now = Instant.now(clock);
        String item = category.item();
        String unit = category.unit();
        String key = category.key();
        String receipt = receiptNo;
        String hash = code == null ? null : sha256(code);
        EntryKind k = kind;
        BigDecimal a = amount;
        GeneratedKeyHolder id = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO donation_entry (campaign_id, kind, category, item, unit, amount, "
                    + "source, purpose, recipient, recipient_person, entry_date, reverses, receipt_no, lookup_hash, "
                    + "recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"});
            ps.setLong(1, campaignId);
            ps.setString(2, k.name());
            ps.setString(3, key);
            ps.setString(4, item);
            ps.setString(5, unit);
            ps.setBigDecimal(6, a);
            ps.setString(7, k == EntryKind.RECEIPT ? source : null);
            ps.setString(8, k == EntryKind.ALLOCATION ? purpose : null);
            ps.setString(9, k == EntryKind.ALLOCATION ? recipient : null);
            ps.setBoolean(10, k == EntryKind.ALLOCATION && person);
            ps.setObject(11, e.date());
            ps.setObject(12, k == EntryKind.REVERSAL ? e.reverses() : null);
            ps.setString(13, receipt);
            ps.setString(14, hash);
            ps.setTimestamp(15, Timestamp.from(now));
            ps.setString(16, by);
            return ps;
        }, id);
        long entryId = id.getKey().longValue();
        DonationEntry stored = entry(campaignId, entryId).orElseThrow();
        events.publishEvent(new DonationEntryRecorded(campaignId, entryId, sha256(publicContent(stored)), now));
        return new RecordedEntry(entryId, receiptNo, code);
    }

    /** Appends a demo entry as the platform (demo profile only). */
    public RecordedEntry recordDemo(long campaignId, NewDonationEntry e) {
        return append(campaignId, e, "demo");
    }

    /** The canonical JSON of an entry's public content, whose SHA-256 goes into the transparency log. */
    public static String publicContent(DonationEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("campaignId", e.campaignId());
        m.put("id", e.id());
        m.put("kind", e.kind().name());
        m.put("item", e.category().item());
        m.put("unit", e.category().unit());
        m.put("amount", e.amount().stripTrailingZeros().toPlainString());
        m.put("source", e.kind() == EntryKind.RECEIPT ? e.publicSource() : null);
        m.put("purpose", e.purpose());
        m.put("recipient", e.publicRecipient());
        m.put("date", e.date().toString());
        m.put("reverses", e.reverses());
        m.put("receiptNo", e.receiptNo());
        return CanonicalJson.write(m);
    }

    private CategoryBalance lockedBalance(long campaignId, DonationCategory category) {
        List<CategoryBalance> rows = jdbc.query("SELECT item, unit, received, allocated FROM donation_balance "
                + "WHERE campaign_id = ? AND category = ? FOR UPDATE", (rs, n) -> balance(rs), campaignId,
                category.key());
        return rows.isEmpty() ? CategoryBalance.empty(category) : rows.get(0);
    }

    private void saveBalance(long campaignId, CategoryBalance before, CategoryBalance after) {
        int updated = jdbc.update("UPDATE donation_balance SET received = ?, allocated = ? WHERE campaign_id = ? "
                + "AND category = ?", after.received(), after.allocated(), campaignId, after.category().key());
        if (updated == 0) {
            jdbc.update("INSERT INTO donation_balance (campaign_id, category, item, unit, received, allocated) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", campaignId, after.category().key(), after.category().item(),
                    after.category().unit(), after.received(), after.allocated());
        }
    }

    private static CategoryBalance balance(ResultSet rs) throws SQLException {
        return new CategoryBalance(new DonationCategory(rs.getString("item"), rs.getString("unit")),
                rs.getBigDecimal("received").stripTrailingZeros(), rs.getBigDecimal("allocated").stripTrailingZeros());
    }

    @Transactional(readOnly = true)
    public DonationCampaign campaign(long id) {
        List<DonationCampaign> found = jdbc.query("SELECT * FROM donation_campaign WHERE id = ?",
                (rs, n) -> campaign(rs), id);
        if (found.isEmpty()) {
            throw new NotFoundProblem("没有编号为" + id + "的捐赠活动。");
        }
        return found.get(0);
    }

    /** The campaigns that answer an emergency, newest first. */
    @Transactional(readOnly = true)
    public List<DonationCampaign> campaignsFor(long emergencyId) {
        return jdbc.query("SELECT * FROM donation_campaign WHERE emergency_id = ? ORDER BY starts_on DESC, id DESC",
                (rs, n) -> campaign(rs), emergencyId);
    }

    @Transactional(readOnly = true)
    public List<DonationCampaign> campaigns() {
        return jdbc.query("SELECT * FROM donation_campaign ORDER BY starts_on DESC, id DESC", (rs, n) -> campaign(rs));
    }

    private DonationCampaign campaign(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        String org = rs.getString("org_code");
        String region = rs.getString("region_code");
        Long emergency = rs.getObject("emergency_id", Long.class);
        Timestamp closedAt = rs.getTimestamp("closed_at");
        List<CategoryBalance> totals = jdbc.query("SELECT item, unit, received, allocated FROM donation_balance "
                + "WHERE campaign_id = ? ORDER BY CASE WHEN item IS NULL THEN 0 ELSE 1 END, item, unit",
                (r, n) -> balance(r), id);
        return new DonationCampaign(id, rs.getString("name"), org,
                organisations.find(org).map(o -> o.name()).orElse(org), region,
                regions.find(region).map(r -> r.name()).orElse(region), rs.getObject("starts_on", LocalDate.class),
                emergency, emergency == null ? null : jdbc.queryForObject("SELECT title FROM emergency WHERE id = ?",
                        String.class, emergency), rs.getBoolean("demo"), rs.getLong("entry_count"), totals,
                closedAt == null ? null : closedAt.toInstant(), rs.getString("closed_by"),
                rs.getString("close_statement"));
    }

    /** A page of a campaign's entries, newest first. */
    @Transactional(readOnly = true)
    public List<DonationEntry> entries(long campaignId, int page, int size) {
        return jdbc.query("SELECT * FROM donation_entry WHERE campaign_id = ? ORDER BY id DESC LIMIT ? OFFSET ?",
                (rs, n) -> entry(rs), campaignId, size, (long) Math.max(0, page) * size);
    }

    /** How many entries of the campaign are newer than this one (which must exist): its place, newest first. */
    @Transactional(readOnly = true)
    public long newerEntries(long campaignId, long entryId) {
        entry(campaignId, entryId).orElseThrow(() -> new NotFoundProblem("本活动台账中没有编号为" + entryId + "的条目。"));
        return jdbc.queryForObject("SELECT COUNT(*) FROM donation_entry WHERE campaign_id = ? AND id > ?", Long.class,
                campaignId, entryId);
    }

    /** Every entry of a campaign, oldest first, for the downloads. */
    @Transactional(readOnly = true)
    public void eachEntry(long campaignId, java.util.function.Consumer<DonationEntry> sink) {
        jdbc.query("SELECT * FROM donation_entry WHERE campaign_id = ? ORDER BY id", rs -> {
            sink.accept(entry(rs));
        }, campaignId);
    }

    @Transactional(readOnly = true)
    public Optional<DonationEntry> entry(long campaignId, long entryId) {
        return jdbc.query("SELECT * FROM donation_entry WHERE campaign_id = ? AND id = ?", (rs, n) -> entry(rs),
                campaignId, entryId).stream().findFirst();
    }

    /**
     * A donor's own receipt, found by receipt number and lookup code; one message for every failure. A client that
     * has looked up too often lately ({@code gongkai.emergency.lookup.*}, right or wrong, any campaign) is refused
     * before anything is looked at, so the codes cannot be guessed in bulk.
     *
     * @throws TooManyRequestsProblem when the client's lookups are used up for now
     */
    @Transactional(readOnly = true)
    public DonationEntry lookup(long campaignId, String receiptNo, String code) {
        floodLimits.pass(LOOKUP_ACTION, lookupLimit, "从您的网络地址查询捐赠收据的次数过多，请"
                + lookupLimit.windowText() + "后再试。");
        String no = strip(receiptNo);
        String c = strip(code);
        List<Object[]> rows = no == null ? List.of() : jdbc.query("SELECT id, lookup_hash FROM donation_entry "
                + "WHERE campaign_id = ? AND receipt_no = ?", (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)},
                campaignId, no.toUpperCase());
        // Hash even when nothing was found, so that timing says nothing either.
        byte[] given = sha256(c == null ? "" : c.toUpperCase()).getBytes(StandardCharsets.US_ASCII);
        byte[] stored = rows.isEmpty() ? new byte[64] : ((String) rows.get(0)[1]).getBytes(StandardCharsets.US_ASCII);
        if (rows.isEmpty() || c == null || !MessageDigest.isEqual(given, stored)) {
            throw new InvalidInputProblem("code", LOOKUP_FAILED);
        }
        return entry(campaignId, (Long) rows.get(0)[0]).orElseThrow();
    }

    private static DonationEntry entry(ResultSet rs) throws SQLException {
        long reverses = rs.getLong("reverses");
        boolean noReversal = rs.wasNull();
        return new DonationEntry(rs.getLong("id"), rs.getLong("campaign_id"), EntryKind.valueOf(rs.getString("kind")),
                new DonationCategory(rs.getString("item"), rs.getString("unit")),
                rs.getBigDecimal("amount").stripTrailingZeros(), rs.getString("source"), rs.getString("purpose"),
                rs.getString("recipient"), rs.getBoolean("recipient_person"),
                rs.getObject("entry_date", LocalDate.class), noReversal ? null : reverses,
                rs.getString("receipt_no"), rs.getTimestamp("recorded_at").toInstant());
    }

    private String lookupCode() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            b.append(LOOKUP_ALPHABET.charAt(random.nextInt(LOOKUP_ALPHABET.length())));
        }
        return b.toString();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String limit(List<FieldError> errors, String field, String label, String value, int max) {
        String v = strip(value);
        if (v != null && v.length() > max) {
            errors.add(new FieldError(field, label + "不能超过" + max + "个字符。"));
        }
        FieldError unsafe = v == null ? null : UnsafeCharacters.complaint(field, v);
        if (unsafe != null) {
            errors.add(unsafe);
        }
        return v;
    }
}
