package gongkai.notify;

import static gongkai.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import gongkai.account.ResidentRegistration;
import gongkai.account.Residents;
import gongkai.notify.RecordingChannels.Recording;
import gongkai.notify.internal.channel.MessageKinds;
import gongkai.notify.internal.channel.Outgoing;
import gongkai.publishing.Publishing;
import gongkai.publishing.RecordInput;
import gongkai.requests.Applicants;
import gongkai.requests.ApplicantKind;
import gongkai.requests.ClockKeeping;
import gongkai.requests.DeliveryForm;
import gongkai.requests.IdType;
import gongkai.requests.NewRequest;
import gongkai.requests.RequestIntake;
import gongkai.requests.Submitted;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.PlatformConfiguration;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.Origins;
import gongkai.support.Staff;
import gongkai.support.ThreeStepReview;

/**
 * Push end to end in one platform: subscriptions confirmed through their channel, records matched to them, a
 * targeted record's SMS to the residents with its code, unsubscribing, bounces, and input refused whole. The channels
 * here record what they are given (the wire is tested in the channel tests).
 */
@NotifyTest
class PushTest {

    @RegisterExtension
    static final ThreeStepReview review = new ThreeStepReview();

    @Autowired
    Subscriptions subscriptions;
    @Autowired
    Publishing publishing;
    @Autowired
    Residents residents;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    Recording recordingSms;
    @Autowired
    RequestIntake intake;
    @Autowired
    ClockKeeping clockKeeping;

    private static int serial = 0;

    /** A fresh mobile number per call, so that tests sharing the context do not see each other's messages. */
    private static synchronized String mobile() {
        return "139" + String.format("%08d", 10_000_000 + (int) (System.nanoTime() % 80_000_000L) + ++serial);
    }

    private SubscriptionView subscribeBySms(String mobile, List<String> domains, List<String> regions) {
        SubscriptionReceipt r = subscriptions.subscribe(new NewSubscription(ChannelKind.SMS, mobile, domains, regions,
                List.of(), List.of(), Frequency.IMMEDIATE, null));
        // The confirmation of this subscription (an address may have asked before).
        Outgoing confirm = recordingSms.await(mobile, o -> MessageKinds.CONFIRM.equals(o.kind())
                && o.deliveryKey().equals(confirmationKey(r.id())));
        return subscriptions.confirmCode(r.id(), confirm.fields().get("code"));
    }

    private static RecordInput saRecord(String org, String region, String title) {
        return new RecordInput("sa-policy", org, region, title, "关于调整城乡低保标准的说明。", null, LocalDate.of(2026, 11, 2),
                "<p>自2027年1月1日起执行新标准。</p>", List.of(), null, null, null, null, null, null, null);
    }

    @Test
    void aSubscriptionHearsNothingUntilConfirmedWithTheCodeSentToIt() {
        String mobile = mobile();
        SubscriptionReceipt r = subscriptions.subscribe(new NewSubscription(ChannelKind.SMS, "+86 " + mobile,
                List.of("social-assistance"), List.of("360902"), List.of(), List.of(), null, null));
        assertThat(r.confirmBy()).isEqualTo("CODE");
        assertThat(r.masked()).doesNotContain(mobile).contains("****");
        Outgoing confirm = recordingSms.await(mobile, o -> MessageKinds.CONFIRM.equals(o.kind()));
        String code = confirm.fields().get("code");
        assertThat(confirm.text()).contains(code).doesNotContain("退订");

        review.publish(Staff.of("yzqzf"), saRecord("yzqzf", "360902", "袁州区城乡低保标准调整（确认前）"));
        // Its notice posted and fanned out while the subscription waits for its code (the listener runs after the
        // publication's commit, on its own thread).
        awaitNothingQueued("确认前");
        assertThat(subscriptions.confirmCode(r.id(), code).active()).isTrue();
        String after = review.publish(Staff.of("yzqzf"), saRecord("yzqzf", "360902", "袁州区城乡低保标准调整（确认后）"));

        Outgoing record = recordingSms.await(mobile, o -> o.subject().contains("确认后"));
        assertThat(record.text()).contains("/records/", "退订：").contains(record.unsubscribeUrl());
        assertThat(record.link()).endsWith(after.replace("/", "%2F"));
        assertThat(recordingSms.sentTo(mobile)).noneMatch(o -> o.subject().contains("确认前"));
    }

    @Test
    void aWrongCodeIsCountedAndFiveEndIt() {
        String mobile = mobile();
        SubscriptionReceipt r = subscriptions.subscribe(new NewSubscription(ChannelKind.SMS, mobile, List.of(),
                List.of(), List.of(), List.of(), null, null));
        String code = recordingSms.await(mobile, o -> true).fields().get("code");
        String wrong = code.equals("000000") ? "000001" : "000000";
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> subscriptions.confirmCode(r.id(), wrong)).isInstanceOf(InvalidInputProblem.class);
        }
        assertThatThrownBy(() -> subscriptions.confirmCode(r.id(), code)).hasMessageContaining("验证码已失效");
    }

    @Test
    void aRecordReachesTheSubscriptionsItMatchesAndNoOthers() {
        String county = mobile();
        String township = mobile();
        String education = mobile();
        String otherCounty = mobile();
        String everything = mobile();
        subscribeBySms(county, List.of("social-assistance"), List.of("360902"));
        subscribeBySms(township, List.of(), List.of("360902100"));
        subscribeBySms(education, List.of("education"), List.of());
        subscribeBySms(otherCounty, List.of("social-assistance"), List.of("360921"));
        subscribeBySms(everything, List.of(), List.of());

        review.publish(Staff.of("yzqzf"), saRecord("yzqzf", "360902", "袁州区低保标准（匹配测试）"));

        recordingSms.await(county, o -> o.subject().contains("匹配测试"));
        recordingSms.await(township, o -> o.subject().contains("匹配测试"));
        recordingSms.await(everything, o -> o.subject().contains("匹配测试"));
        awaitNothingQueued("匹配测试");
        assertThat(recordingSms.sentTo(education)).noneMatch(o -> o.subject().contains("匹配测试"));
        assertThat(recordingSms.sentTo(otherCounty)).noneMatch(o -> o.subject().contains("匹配测试"));
    }

    @Test
    void anAddressHearsOnceOfARecordThoughTwoOfItsSubscriptionsMatch() {
        String mobile = mobile();
        subscribeBySms(mobile, List.of("social-assistance"), List.of());
        subscribeBySms(mobile, List.of(), List.of("360902"));
        review.publish(Staff.of("yzqzf"), saRecord("yzqzf", "360902", "袁州区低保标准（去重测试）"));
        recordingSms.await(mobile, o -> o.subject().contains("去重测试"));
        awaitNothingQueued("去重测试");
        assertThat(recordingSms.sentTo(mobile)).filteredOn(o -> o.subject().contains("去重测试")).hasSize(1);
    }

    @Test
    void revisionAndWithdrawalAreTold() {
        String mobile = mobile();
        subscribeBySms(mobile, List.of("social-assistance"), List.of("360902"));
        Staff staff = Staff.of("yzqzf");
        String indexNo = review.publish(staff, saRecord("yzqzf", "360902", "袁州区低保标准（撤回测试）"));
        recordingSms.await(mobile, o -> o.kind().equals(MessageKinds.RECORD_PUBLISHED) && o.subject().contains("撤回测试"));
        as(staff.approver(), () -> publishing.withdraw(indexNo, "标准另行发布"));
        Outgoing withdrawn = recordingSms.await(mobile, o -> o.kind().equals(MessageKinds.RECORD_WITHDRAWN));
        assertThat(withdrawn.text()).contains("撤回原因：标准另行发布");
    }

    @Test
    void unsubscribingEndsItAndForgetsTheAddress() throws Exception {
        String mobile = mobile();
        subscribeBySms(mobile, List.of("social-assistance"), List.of("360902"));
        review.publish(Staff.of("yzqzf"), saRecord("yzqzf", "360902", "袁州区低保标准（退订前）"));
        Outgoing first = recordingSms.await(mobile, o -> o.subject().contains("退订前"));
        String token = first.unsubscribeUrl().substring(first.unsubscribeUrl().lastIndexOf('/') + 1);

        mvc.perform(delete("/api/v1/subscriptions/" + token)).andExpect(status().isNoContent());
        mvc.perform(delete("/api/v1/subscriptions/" + token)).andExpect(status().isNotFound());
        assertThat(subscriptions.byToken(token)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notify_address WHERE address = ?", Long.class, mobile))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notify_delivery WHERE address = ?", Long.class, mobile))
                .isZero();

        review.publish(Staff.of("yzqzf"), saRecord("yzqzf", "360902", "袁州区低保标准（退订后）"));
        awaitNothingQueued("退订后");
        assertThat(recordingSms.sentTo(mobile)).noneMatch(o -> o.subject().contains("退订后"));
    }

    @Test
    void aTargetedRecordGoesBySmsWithItsCodeToTheConfirmedResidentsOfItsRegion() {
        String inTownship = mobile();
        String inVillageElsewhere = mobile();
        String pending = mobile();
        resident("push-res-a-" + serial, inTownship, "360921101", true);
        resident("push-res-b-" + serial, inVillageElsewhere, "360902100", true);
        resident("push-res-c-" + serial, pending, "360921101", false);
        String indexNo = review.publish(Staff.of("fxxzf"), new RecordInput("sa-recipients", "fxxzf", "360921101",
                "赤岸镇2026年11月救助发放情况（推送测试）", "", null, LocalDate.of(2026, 11, 30), "", List.of(), "targeted",
                "低保户", null, null, List.of(Map.of("救助项目", "城乡低保", "姓名", "赵推送", "所在村组", "某村",
                        "家庭人口", "3", "发放金额", "1200.00", "期间", "2026年11月")), null, null, "2026-11"));
        String code = jdbc.queryForObject("SELECT access_code FROM disclosure_record WHERE index_no = ?", String.class,
                indexNo);

        Outgoing sms = recordingSms.await(inTownship, o -> o.kind().equals(MessageKinds.TARGETED));
        assertThat(sms.text()).contains("查阅码：" + code, "赤岸镇2026年11月救助发放情况").doesNotContain("赵推送");
        assertThat(sms.link()).contains("?code=" + code);
        awaitNothingQueued("推送测试");
        assertThat(recordingSms.sentTo(inVillageElsewhere)).isEmpty();
        assertThat(recordingSms.sentTo(pending)).isEmpty();
    }

    @Test
    void anAddressThatKeepsRefusingIsDisabled() {
        String mobile = mobile();
        subscribeBySms(mobile, List.of("social-assistance"), List.of("360902"));
        recordingSms.refuse(mobile::equals);
        try {
            for (int i = 1; i <= 3; i++) {
                review.publish(Staff.of("yzqzf"), saRecord("yzqzf", "360902", "袁州区低保标准（退信" + i + "）"));
                awaitNothingQueued("退信" + i);
            }
            assertThat(jdbc.queryForObject("SELECT disabled_at FROM notify_address WHERE address = ?", Instant.class,
                    mobile)).isNotNull();
            recordingSms.refuse(a -> false);
            review.publish(Staff.of("yzqzf"), saRecord("yzqzf", "360902", "袁州区低保标准（停用后）"));
            awaitNothingQueued("停用后");
            assertThat(recordingSms.sentTo(mobile)).noneMatch(o -> o.subject().contains("停用后"));
        } finally {
            recordingSms.refuse(a -> false);
        }
    }

    @Test
    void aPassingFailureIsTriedAgain() {
        String mobile = mobile();
        subscribeBySms(mobile, List.of("social-assistance"), List.of("360902"));
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        recordingSms.busy(a -> a.equals(mobile) && calls.incrementAndGet() <= 2);
        try {
            review.publish(Staff.of("yzqzf"), saRecord("yzqzf", "360902", "袁州区低保标准（重试测试）"));
            recordingSms.await(mobile, o -> o.subject().contains("重试测试"));
            assertThat(jdbc.queryForObject("SELECT d.attempts FROM notify_delivery d JOIN notify_message m ON "
                    + "m.id = d.message_id JOIN notify_address a ON d.recipient_key = CONCAT('a', CAST(a.id AS "
                    + "VARCHAR(20))) WHERE m.subject LIKE '%重试测试%' AND d.status = 'SENT' AND a.address = ?",
                    Integer.class, mobile)).isEqualTo(3);
        } finally {
            recordingSms.busy(a -> false);
        }
    }

    @Test
    void anApplicantIsToldOfACorrectionNoticeByNumberAndStepOnly() {
        String mobile = mobile();
        NewRequest in = new NewRequest("ycsmzj", ApplicantKind.NATURAL_PERSON, "李推送", IdType.RESIDENT_ID,
                Applicants.idNumber(), null, mobile, null, "宜春市袁州区示例路1号", "2026年城乡低保资金发放情况", "了解政策",
                DeliveryForm.ONLINE, false);
        Submitted s = Origins.fresh(() -> intake.submit(in));
        as(Staff.of("ycsmzj").editor(), () -> clockKeeping.requestCorrection(s.trackingNo(), List.of("请写明所需信息的年份"),
                LocalDate.now(PlatformConfiguration.CHINA).plusDays(15)));
        Outgoing notice = recordingSms.await(mobile, o -> o.kind().equals(MessageKinds.REQUEST_STEP));
        assertThat(notice.text()).contains(s.trackingNo(), "补正告知", "/requests/track").doesNotContain("李推送",
                "示例路", in.idNumber());
        assertThat(notice.unsubscribeUrl()).isNull();
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM notify_subscription", Long.class);
        mvc.perform(post("/api/v1/subscriptions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"channel\":\"SMS\",\"address\":\"12345\",\"regions\":[\"999999\"],\"domains\":[\"xx\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field=='address')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field=='regions')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field=='domains')]").exists());
        mvc.perform(post("/api/v1/subscriptions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"channel\":\"FAX\",\"address\":\"0795-1234567\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("channel"));
        // E-mail is not configured in this context: refused as a channel, not silently kept.
        mvc.perform(post("/api/v1/subscriptions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"channel\":\"EMAIL\",\"address\":\"a@example.com\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("channel"));
        mvc.perform(post("/api/v1/subscriptions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"channel\":\"SMS\",\"address\":\"" + mobile() + "\",\"items\":[\"no-such-item\"]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("items"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notify_subscription", Long.class)).isEqualTo(before);
    }

    @Test
    void theApiAnswers202AndConfirmsByCode() throws Exception {
        String mobile = mobile();
        String answer = mvc.perform(post("/api/v1/subscriptions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"channel\":\"SMS\",\"address\":\"" + mobile + "\",\"domains\":[\"social-assistance\"],"
                        + "\"regions\":[\"360902\"],\"items\":[],\"orgs\":[]}"))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.confirmBy").value("CODE"))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(answer.replaceAll(".*\"id\":(\\d+).*", "$1"));
        String code = recordingSms.await(mobile, o -> true).fields().get("code");
        mvc.perform(post("/api/v1/subscriptions/" + id + "/confirm").contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"" + code + "\"}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.description").value("领域：社会救助和社会福利；地区：袁州区"));
    }

    private String confirmationKey(long subscriptionId) {
        return "gk-" + jdbc.queryForObject("SELECT d.id FROM notify_delivery d JOIN notify_message m ON m.id = "
                + "d.message_id WHERE m.message_key = ?", Long.class, "confirm:" + subscriptionId);
    }

    private void resident(String username, String phone, String region, boolean confirm) {
        residents.register(new ResidentRegistration(username, "Resident-Passw0rd-1", "测试居民", phone, region));
        if (confirm) {
            as(Acting.actor("ycszfb", Role.ADMIN), () -> residents.confirm(username));
        }
    }

    /** Deliveries of the message still to send, and subscriptions it matched that wait in a batch. */
    private long queued(String subjectPart) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM notify_delivery d JOIN notify_message m ON m.id = d.message_id "
                + "WHERE m.subject LIKE ? AND d.status IN ('QUEUED', 'SENDING')", Long.class, "%" + subjectPart + "%")
                + jdbc.queryForObject("SELECT COALESCE(SUM(b.size), 0) FROM notify_batch b JOIN notify_message m ON "
                        + "m.id = b.message_id WHERE m.subject LIKE ? AND b.status = 'QUEUED'", Long.class,
                        "%" + subjectPart + "%");
    }

    /** Waits until the message about {@code subjectPart} exists, has fanned out and has nothing left to send. */
    private void awaitNothingQueued(String subjectPart) {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(until)) {
            List<String> states = jdbc.queryForList("SELECT fanout_status FROM notify_message WHERE subject LIKE ?",
                    String.class, "%" + subjectPart + "%");
            if (!states.isEmpty() && states.stream().allMatch("DONE"::equals) && queued(subjectPart) == 0) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("Deliveries about " + subjectPart + " still waiting after 20 s");
    }
}
