package gongkai.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.ConflictProblem;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.BackOfficeSignIn;
import gongkai.support.PlatformTest;

/**
 * The relief-donation ledger: the arithmetic per category, refusals that name what is on hand and change nothing,
 * reversals, the race for the last funds, the database refusing to change an entry, masking, the donor lookup, and
 * closing a campaign to receipts.
 */
@PlatformTest
class DonationsTest {

    static final String ORG = "ycsyjj";
    static final String REGION = "360902";

    @Autowired
    Donations donations;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    BackOfficeSignIn signIn;
    @Autowired
    gongkai.ledger.TransparencyLog log;

    final Actor approver = Acting.actor(ORG, Role.APPROVER);
    final Actor editor = Acting.actor(ORG, Role.EDITOR);
    final LocalDate day = LocalDate.of(2026, 7, 1);

    long campaign(String name) {
        return donations.open(new NewCampaign("DT-" + name, ORG, REGION, day, null), approver);
    }

    RecordedEntry money(long c, String kind, String amount) {
        return donations.record(c, new NewDonationEntry(kind, "money", new BigDecimal(amount), null, null, null,
                "DT捐赠人", kind.equals("ALLOCATION") ? "DT安置" : null, kind.equals("ALLOCATION") ? "DT乡政府" : null,
                null, day, null), editor);
    }

    RecordedEntry goods(long c, String kind, String item, String qty, String unit) {
        return donations.record(c, new NewDonationEntry(kind, "goods", null, item, new BigDecimal(qty), unit, null,
                "DT安置", "DT乡政府", null, day, null), editor);
    }

    RecordedEntry reverse(long c, long entry) {
        return donations.record(c, new NewDonationEntry("REVERSAL", null, null, null, null, null, null, null, null,
                null, day, entry), editor);
    }

    CategoryBalance total(long c, String item) {
        return donations.campaign(c).totals().stream()
                .filter(b -> item == null ? b.category().isMoney() : item.equals(b.category().item())).findFirst()
                .orElseThrow();
    }

    int entries(long c) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM donation_entry WHERE campaign_id = ?", Integer.class, c);
    }

    @Test
    void receiptsAllocationsAndReversalsAddUpPerCategoryAndGoodsByUnit() {
        long c = campaign("arith2");
        long r1 = money(c, "RECEIPT", "1000.50").id();
        money(c, "RECEIPT", "200").id();
        long a1 = money(c, "ALLOCATION", "300.25").id();
        goods(c, "RECEIPT", "DT大米", "50", "袋");
        goods(c, "RECEIPT", "DT大米", "100", "公斤");
        goods(c, "ALLOCATION", "DT大米", "20", "袋");
        CategoryBalance m = total(c, null);
        assertThat(m.received()).isEqualByComparingTo("1200.50");
        assertThat(m.allocated()).isEqualByComparingTo("300.25");
        assertThat(m.onHand()).isEqualByComparingTo("900.25");
        assertThat(m.onHandText()).isEqualTo("900.25元");
        List<CategoryBalance> rice = donations.campaign(c).totals().stream().filter(b -> !b.category().isMoney())
                .toList();
        assertThat(rice).extracting(CategoryBalance::onHandText).containsExactly("100公斤", "30袋");
        reverse(c, a1);
        assertThat(total(c, null).onHand()).isEqualByComparingTo("1200.50");
        reverse(c, r1);
        assertThat(total(c, null).onHand()).isEqualByComparingTo("200");
        assertThat(total(c, null).received()).isEqualByComparingTo("200");
        assertThat(donations.campaign(c).entryCount()).isEqualTo(8);
    }

    @Test
    void anAllocationBeyondWhatIsOnHandIsRefusedNamingTheAmountAndChangesNothing() {
        long c = campaign("refuse");
        money(c, "RECEIPT", "1000");
        int before = entries(c);
        assertThatThrownBy(() -> money(c, "ALLOCATION", "1200")).isInstanceOf(InvalidInputProblem.class)
                .hasMessageContaining("该类别现有1,000.00元，不足以拨付1,200.00元");
        assertThatThrownBy(() -> goods(c, "ALLOCATION", "DT帐篷", "1", "顶")).hasMessageContaining("该类别现有0顶");
        assertThat(entries(c)).isEqualTo(before);
        assertThat(total(c, null).allocated()).isEqualByComparingTo("0");
        assertThat(total(c, null).onHand()).isEqualByComparingTo("1000");
    }

    @Test
    void badAmountsGoodsWithoutUnitAndFutureDatesAreRefusedNamingTheField() {
        long c = campaign("bad");
        assertThatThrownBy(() -> money(c, "RECEIPT", "-5")).isInstanceOfSatisfying(InvalidInputProblem.class,
                p -> assertThat(p.errors()).extracting(InvalidInputProblem.FieldError::field).containsExactly("amount"));
        assertThatThrownBy(() -> money(c, "RECEIPT", "0")).hasMessageContaining("金额应大于0元");
        assertThatThrownBy(() -> money(c, "RECEIPT", "1.005")).hasMessageContaining("两位小数");
        assertThatThrownBy(() -> goods(c, "RECEIPT", "DT矿泉水", "10", " "))
                .isInstanceOfSatisfying(InvalidInputProblem.class, p -> assertThat(p.errors())
                        .extracting(InvalidInputProblem.FieldError::field).containsExactly("unit"));
        assertThatThrownBy(() -> goods(c, "RECEIPT", "DT矿泉水", "0", "箱")).hasMessageContaining("数量应大于0");
        assertThatThrownBy(() -> donations.record(c, new NewDonationEntry("RECEIPT", "money", new BigDecimal("10"),
                null, null, null, null, null, null, null, LocalDate.now().plusDays(3), null), editor))
                .isInstanceOfSatisfying(InvalidInputProblem.class, p -> assertThat(p.errors())
                        .extracting(InvalidInputProblem.FieldError::field).containsExactly("date"));
        assertThat(entries(c)).isZero();
        assertThat(donations.campaign(c).totals()).isEmpty();
    }

    @Test
    void aReversalCannotBeReversedAnEntryIsReversedOnceAndAnAllocatedReceiptStays() {
        long c = campaign("rev");
        long receipt = money(c, "RECEIPT", "500").id();
        long small = money(c, "RECEIPT", "100").id();
        long reversal = reverse(c, small).id();
        assertThatThrownBy(() -> reverse(c, reversal)).hasMessageContaining("不能冲正一笔冲正");
        assertThatThrownBy(() -> reverse(c, small)).hasMessageContaining("只能冲正一次");
        money(c, "ALLOCATION", "450");
        assertThatThrownBy(() -> reverse(c, receipt)).hasMessageContaining("该类别现有50.00元");
        assertThatThrownBy(() -> reverse(c, 999_999_999L)).hasMessageContaining("没有编号为999999999的条目");
        assertThat(total(c, null).onHand()).isEqualByComparingTo("50");
        assertThat(donations.entry(c, reversal).orElseThrow().reverses()).isEqualTo(small);
    }

    @Test
    void twoAllocationsRacingForTheLastFundsNeverBothSucceed() throws Exception {
        long c = campaign("race");
        money(c, "RECEIPT", "100");
        for (int round = 0; round < 5; round++) {
            if (round > 0) {
                money(c, "RECEIPT", "80"); // 100 on hand again: room for one allocation of 80, not two
            }
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        money(c, "ALLOCATION", "80");
                        return true;
                    } catch (InvalidInputProblem refused) {
                        assertThat(refused).hasMessageContaining("该类别现有");
                        return false;
                    }
                }));
            }
            start.countDown();
            int succeeded = 0;
            for (Future<Boolean> f : results) {
                succeeded += f.get() ? 1 : 0;
            }
            pool.shutdown();
            assertThat(succeeded).isEqualTo(1);
        }
        assertThat(total(c, null).onHand()).isEqualByComparingTo("20");
        assertThat(total(c, null).allocated()).isEqualByComparingTo("400");
    }

    @Test
    void theDatabaseItselfRefusesToUpdateOrDeleteAnEntry() {
        long c = campaign("db");
        long id = money(c, "RECEIPT", "10").id();
        assertThatThrownBy(() -> jdbc.update("UPDATE donation_entry SET amount = 1 WHERE id = ?", id))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM donation_entry WHERE id = ?", id))
                .hasMessageContaining("append-only");
        assertThat(donations.entry(c, id).orElseThrow().amount()).isEqualByComparingTo("10");
    }

    @Test
    void aDonorFindsTheirOwnReceiptWithTheCodeAndAWrongCodeLooksLikeAnUnknownNumber() {
        long c = campaign("lookup");
        RecordedEntry r = money(c, "RECEIPT", "66.60");
        assertThat(r.receiptNo()).isEqualTo("JZ-" + c + "-000001");
        assertThat(r.lookupCode()).hasSize(10);
        assertThat(donations.lookup(c, r.receiptNo(), r.lookupCode()).amount()).isEqualByComparingTo("66.6");
        assertThat(donations.lookup(c, r.receiptNo().toLowerCase(), r.lookupCode().toLowerCase()).id())
                .isEqualTo(r.id());
        assertThatThrownBy(() -> donations.lookup(c, r.receiptNo(), "WRONGCODE1")).hasMessage(Donations.LOOKUP_FAILED);
        assertThatThrownBy(() -> donations.lookup(c, "JZ-" + c + "-000099", r.lookupCode()))
                .hasMessage(Donations.LOOKUP_FAILED);
        assertThatThrownBy(() -> donations.lookup(c + 100000, r.receiptNo(), r.lookupCode()))
                .hasMessage(Donations.LOOKUP_FAILED);
    }

    @Test
    void theApiOpensACampaignRecordsEntriesMasksNaturalPersonsAndRefusesToChangeAnEntry() throws Exception {
        String body = mvc.perform(post("/api/v1/donations").with(signIn.asNew(ORG, Role.APPROVER)).with(csrf())
                .contentType("application/json").content("""
                        {"name":"DT-api 测试捐赠","org":"ycsyjj","region":"360902","startsOn":"2026-07-01"}"""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long c = Long.parseLong(body.replaceAll("\\D", ""));
        var clerk = signIn.asNew(ORG, Role.EDITOR);
        mvc.perform(post("/api/v1/donations/" + c + "/entries").with(clerk).with(csrf()).contentType("application/json")
                .content("""
                        {"kind":"RECEIPT","category":"money","amount":1000,"date":"2026-07-02"}"""))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.receiptNo").value("JZ-" + c + "-000001"));
        mvc.perform(post("/api/v1/donations/" + c + "/entries").with(clerk).with(csrf()).contentType("application/json")
                .content("""
                        {"kind":"ALLOCATION","category":"money","amount":1200,"purpose":"生活救助",
                         "recipient":"张三丰","recipientKind":"PERSON","date":"2026-07-02"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("该类别现有1,000.00元")));
        mvc.perform(post("/api/v1/donations/" + c + "/entries").with(clerk).with(csrf()).contentType("application/json")
                .content("""
                        {"kind":"ALLOCATION","category":"money","amount":300,"purpose":"生活救助",
                         "recipient":"张三丰","recipientKind":"PERSON","date":"2026-07-02"}"""))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/donations/" + c + "/entries").with(signIn.asNew("ycshbj", Role.EDITOR))
                .with(csrf()).contentType("application/json").content("""
                        {"kind":"RECEIPT","category":"money","amount":5,"date":"2026-07-02"}"""))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/donations/" + c)).andExpect(status().isOk())
                .andExpect(jsonPath("$.totals[0].received").value(1000))
                .andExpect(jsonPath("$.totals[0].allocated").value(300))
                .andExpect(jsonPath("$.totals[0].onHand").value(700));
        String entries = mvc.perform(get("/api/v1/donations/" + c + "/entries")).andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[0].recipient").value(gongkai.privacy.Masking.name("张三丰")))
                .andExpect(jsonPath("$.entries[1].source").value("匿名"))
                .andReturn().getResponse().getContentAsString();
        assertThat(entries).doesNotContain("张三丰");
        mvc.perform(put("/api/v1/donations/" + c + "/entries/1").with(clerk).with(csrf())
                .contentType("application/json").content("{}"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("不得修改或删除")));
        mvc.perform(delete("/api/v1/donations/" + c + "/entries/1").with(clerk).with(csrf()))
                .andExpect(status().isMethodNotAllowed());
    }

    @Test
    void everyEntryIsAppendedToTheTransparencyLogWithTheHashOfItsPublicContent() {
        long c = campaign("ledger");
        long before = log.size();
        long receipt = money(c, "RECEIPT", "10").id();
        long reversal = reverse(c, receipt).id();
        assertThat(log.size()).isEqualTo(before + 2);
        for (long id : new long[] {receipt, reversal}) {
            var logged = log.entryFor("donation/" + c + "/" + id, 1).orElseThrow();
            var entry = gongkai.ledger.LedgerEntry.parse(logged.entry());
            assertThat(entry.action()).isEqualTo(gongkai.ledger.LedgerEntry.Action.DONATION);
            assertThat(entry.contentSha256())
                    .isEqualTo(Donations.sha256(Donations.publicContent(donations.entry(c, id).orElseThrow())));
        }
    }

    @Test
    void afterClosingReceiptsAreRefusedWhileWhatIsOnHandIsStillAllocatedAndReversed() {
        long c = campaign("close");
        money(c, "RECEIPT", "1000");
        String statement = "DT 灾后安置已基本完成，自即日起停止接收社会捐赠。";
        DonationCampaign closed = Acting.as(approver, () -> donations.close(c, "  " + statement + " ", approver));
        assertThat(closed.closed()).isTrue();
        assertThat(closed.statusLabel()).isEqualTo("已停止接收");
        assertThat(closed.closeStatement()).isEqualTo(statement);
        assertThat(closed.closedBy()).isEqualTo(approver.username());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'donation.close' "
                + "AND target_type = 'donation_campaign' AND target_id = ?", Integer.class, Long.toString(c)))
                .isEqualTo(1);

        int before = entries(c);
        assertThatThrownBy(() -> money(c, "RECEIPT", "50")).isInstanceOf(ConflictProblem.class)
                .hasMessage("该捐赠活动已于" + closed.closedOn() + "停止接收，不能再登记接收；现有款物的拨付和冲正仍可登记。");
        assertThatThrownBy(() -> goods(c, "receipt", "DT棉被", "5", "床")).isInstanceOf(ConflictProblem.class);
        assertThat(entries(c)).isEqualTo(before);
        assertThat(total(c, null).received()).isEqualByComparingTo("1000");

        long allocation = money(c, "ALLOCATION", "400").id();
        assertThat(total(c, null).onHand()).isEqualByComparingTo("600");
        reverse(c, allocation);
        assertThat(total(c, null).onHand()).isEqualByComparingTo("1000");
        assertThat(entries(c)).isEqualTo(before + 2);
    }

    @Test
    void onlyTheOrganisersAdminOrApproverClosesOnceWithAStatement() {
        long c = campaign("close-rules");
        assertThatThrownBy(() -> donations.close(c, "DT 停止。", editor)).isInstanceOf(AccessDeniedProblem.class)
                .hasMessageContaining("管理员或审批人员");
        assertThatThrownBy(() -> donations.close(c, "DT 停止。", Acting.actor("ycshbj", Role.APPROVER)))
                .isInstanceOf(AccessDeniedProblem.class);
        assertThatThrownBy(() -> donations.close(c, "  ", approver)).isInstanceOf(InvalidInputProblem.class)
                .hasMessageContaining("请填写停止接收的说明");
        assertThatThrownBy(() -> donations.close(c, "停".repeat(1001), approver))
                .isInstanceOf(InvalidInputProblem.class).hasMessageContaining("不能超过1000个字");
        assertThat(donations.campaign(c).closed()).isFalse();

        Acting.as(Acting.actor(ORG, Role.ADMIN), () -> donations.close(c, "停".repeat(1000), Acting.actor(ORG,
                Role.ADMIN)));
        assertThat(donations.campaign(c).closed()).isTrue();
        assertThatThrownBy(() -> donations.close(c, "DT 再次停止。", approver)).isInstanceOf(ConflictProblem.class)
                .hasMessageContaining("不能再次停止");
        assertThat(donations.campaign(c).closeStatement()).isEqualTo("停".repeat(1000));
    }

    @Test
    void theApiClosesACampaignShowsItAndAnswersAWrongRoleAndASecondCloseWithProblems() throws Exception {
        long c = campaign("api-close");
        money(c, "RECEIPT", "80");
        var clerk = signIn.asNew(ORG, Role.EDITOR);
        mvc.perform(post("/api/v1/donations/" + c + "/close").with(clerk).with(csrf())
                .contentType("application/json").content("{\"statement\":\"DT 停止接收。\"}"))
                .andExpect(status().isForbidden());
        var boss = signIn.asNew(ORG, Role.APPROVER);
        mvc.perform(post("/api/v1/donations/" + c + "/close").with(boss).with(csrf())
                .contentType("application/json").content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("请填写停止接收的说明")));
        mvc.perform(post("/api/v1/donations/" + c + "/close").with(boss).with(csrf())
                .contentType("application/json").content("{\"statement\":\"DT 安置完成，停止接收。\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.closed").value(true))
                .andExpect(jsonPath("$.statusLabel").value("已停止接收"))
                .andExpect(jsonPath("$.closeStatement").value("DT 安置完成，停止接收。"))
                .andExpect(jsonPath("$.closedOn").value(donations.campaign(c).closedOn().toString()));
        mvc.perform(get("/api/v1/donations/" + c)).andExpect(jsonPath("$.closed").value(true))
                .andExpect(jsonPath("$.closeStatement").value("DT 安置完成，停止接收。"));
        mvc.perform(post("/api/v1/donations/" + c + "/close").with(boss).with(csrf())
                .contentType("application/json").content("{\"statement\":\"DT 再停一次。\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("不能再次停止")));
        mvc.perform(post("/api/v1/donations/" + c + "/entries").with(clerk).with(csrf())
                .contentType("application/json").content("""
                        {"kind":"RECEIPT","category":"money","amount":5,"date":"2026-07-02"}"""))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("停止接收")));
        mvc.perform(post("/api/v1/donations/" + c + "/entries").with(clerk).with(csrf())
                .contentType("application/json").content("""
                        {"kind":"ALLOCATION","category":"money","amount":30,"purpose":"DT 安置",
                         "recipient":"DT 村委会","date":"2026-07-02"}"""))
                .andExpect(status().isCreated());
    }
}
