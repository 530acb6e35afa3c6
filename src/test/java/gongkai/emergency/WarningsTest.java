package gongkai.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.ConflictProblem;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.BackOfficeSignIn;
import gongkai.support.MovableClock;
import gongkai.support.PlatformTest;

/**
 * Warnings: published at once by an APPROVER of an emergency-response body and confirmed by a second person; updates
 * and cancellations reference the original; CAP 1.2 valid against the OASIS schema with +08:00 times; the feed and
 * the API.
 */
@PlatformTest
@Import(MovableClock.Config.class)
class WarningsTest {

    private static final Actor ISSUER = Acting.actor("ycsyjj", Role.APPROVER);
    private static final Actor SECOND = Acting.actor("ycsyjj", Role.REVIEWER);
    private static final Actor COUNTY = Acting.actor("fxxzf", Role.APPROVER);

    @Autowired
    Warnings warnings;
    @Autowired
    CapAlerts cap;
    @Autowired
    MovableClock clock;
    @Autowired
    MockMvc mvc;
    @Autowired
    BackOfficeSignIn signIn;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static NewWarning flood(String onset, String expires, String... areas) {
        return new NewWarning("暴雨", "ORANGE", List.of(areas), null, "预计未来6小时内降雨量将达100毫米以上。",
                "停止集会，注意防范山洪。", onset, expires);
    }

    @Test
    void anApproverOfTheEmergencyBureauPublishesAtOnceAndASecondPersonConfirms() {
        clock.setDate(LocalDate.of(2031, 6, 10));
        long id = Acting.as(ISSUER, () -> warnings.issue(flood("2031-06-10T08:00", "2031-06-11T08:00", "360902",
                "360922")));
        Warning w = warnings.get(id);
        assertThat(w.headline()).isEqualTo("宜春市应急管理局发布暴雨橙色预警");
        assertThat(w.status()).isEqualTo(WarningStatus.IN_FORCE);
        assertThat(w.level().label()).isEqualTo("Ⅱ级（严重）");
        assertThat(w.shortLabel()).isEqualTo("暴雨橙色预警 Ⅱ级");
        assertThat(w.confirmed()).isFalse();
        assertThat(warnings.unconfirmed()).extracting(Warning::id).contains(id);
        assertThat(warnings.inForce()).extracting(Warning::id).contains(id);

        assertThatThrownBy(() -> Acting.as(ISSUER, () -> warnings.confirm(id)))
                .isInstanceOf(AccessDeniedProblem.class).hasMessageContaining("另一人");
        assertThatThrownBy(() -> Acting.as(COUNTY, () -> warnings.confirm(id)))
                .isInstanceOf(AccessDeniedProblem.class);
        Warning confirmed = Acting.as(SECOND, () -> warnings.confirm(id));
        assertThat(confirmed.confirmedBy()).isEqualTo(SECOND.username());
        assertThat(warnings.unconfirmed()).extracting(Warning::id).doesNotContain(id);
        assertThatThrownBy(() -> Acting.as(Acting.actor("ycsyjj", Role.APPROVER), () -> warnings.confirm(id)))
                .isInstanceOf(ConflictProblem.class);

        clock.setDate(LocalDate.of(2031, 6, 12));
        assertThat(warnings.get(id).status()).isEqualTo(WarningStatus.EXPIRED);
        assertThat(warnings.inForce()).extracting(Warning::id).doesNotContain(id);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsSaved() {
        long before = warnings.messages(0, 1).stream().mapToLong(Warning::id).findFirst().orElse(0);
        assertThatThrownBy(() -> Acting.as(ISSUER, () -> warnings.issue(flood("2031-06-10T08:00",
                "2031-06-10T07:00", "360902")))).isInstanceOf(InvalidInputProblem.class)
                .hasMessageContaining("失效时间必须晚于生效时间");
        assertThatThrownBy(() -> Acting.as(ISSUER, () -> warnings.issue(flood("2031-06-10T08:00",
                "2031-06-11T08:00", "360999")))).isInstanceOf(InvalidInputProblem.class)
                .hasMessageContaining("“360999”不存在");
        assertThatThrownBy(() -> Acting.as(ISSUER, () -> warnings.issue(new NewWarning("海啸", "PURPLE",
                List.of("360902"), null, "x", null, "2031-06-10T08:00", "2031-06-11T08:00"))))
                .isInstanceOf(InvalidInputProblem.class)
                .satisfies(e -> assertThat(((InvalidInputProblem) e).errors()).extracting(f -> f.field())
                        .contains("hazard", "level"));
        // A county government warns only for its own county.
        assertThatThrownBy(() -> Acting.as(COUNTY, () -> warnings.issue(flood("2031-06-10T08:00",
                "2031-06-11T08:00", "360922")))).isInstanceOf(InvalidInputProblem.class)
                .hasMessageContaining("不在奉新县人民政府的辖区内");
        assertThat(warnings.messages(0, 1).stream().mapToLong(Warning::id).findFirst().orElse(0)).isEqualTo(before);
    }

    @Test
    void onlyAnApproverOfAWarningBodyMayPublish() {
        NewWarning in = flood("2031-06-10T08:00", "2031-06-11T08:00", "360902");
        assertThatThrownBy(() -> Acting.as(Acting.actor("ycsyjj", Role.EDITOR), () -> warnings.issue(in)))
                .isInstanceOf(AccessDeniedProblem.class);
        assertThatThrownBy(() -> Acting.as(Acting.actor("ycshbj", Role.APPROVER), () -> warnings.issue(in)))
                .isInstanceOf(AccessDeniedProblem.class).hasMessageContaining("应急");
        assertThat(Acting.as(COUNTY, () -> warnings.issue(flood("2031-06-10T08:00", "2031-06-11T08:00",
                "360921001".substring(0, 6))))).isPositive();
    }

    @Test
    void anUpdateSupersedesTheOriginalAndACancellationEndsTheSequence() {
        clock.setDate(LocalDate.of(2031, 7, 10));
        long alert = Acting.as(ISSUER, () -> warnings.issue(flood("2031-07-10T08:00", "2031-07-11T08:00", "360902")));
        long update = Acting.as(ISSUER, () -> warnings.update(alert, new NewWarning("暴雨", "RED",
                List.of("360902", "360902001"), null, "降雨加强。", null, "2031-07-10T09:00", "2031-07-12T08:00")));
        assertThat(warnings.get(alert).status()).isEqualTo(WarningStatus.SUPERSEDED);
        assertThat(warnings.get(update).referencesId()).isEqualTo(alert);
        assertThat(warnings.get(update).originalId()).isEqualTo(alert);
        assertThatThrownBy(() -> Acting.as(ISSUER, () -> warnings.update(alert, flood("2031-07-10T08:00",
                "2031-07-11T08:00", "360902")))).isInstanceOf(ConflictProblem.class);
        assertThatThrownBy(() -> Acting.as(COUNTY, () -> warnings.cancel(update, "雨停")))
                .isInstanceOf(AccessDeniedProblem.class);
        assertThatThrownBy(() -> Acting.as(ISSUER, () -> warnings.cancel(update, " ")))
                .isInstanceOf(InvalidInputProblem.class).hasMessageContaining("解除原因");
        long cancel = Acting.as(ISSUER, () -> warnings.cancel(update, "降雨已减弱。"));
        assertThat(warnings.get(cancel).headline()).isEqualTo("宜春市应急管理局解除暴雨红色预警");
        assertThat(warnings.get(update).status()).isEqualTo(WarningStatus.CANCELLED);
        assertThat(warnings.history(cancel)).extracting(Warning::msgType).containsExactly(WarningMessageType.ALERT,
                WarningMessageType.UPDATE, WarningMessageType.CANCEL);
        assertThat(warnings.inForce()).extracting(Warning::id).doesNotContain(alert, update, cancel);
        assertThatThrownBy(() -> Acting.as(ISSUER, () -> warnings.cancel(cancel, "再次"))).isInstanceOf(
                ConflictProblem.class).hasMessageContaining("已解除");
        assertThatThrownBy(() -> Acting.as(ISSUER, () -> warnings.update(update, flood("2031-07-10T08:00",
                "2031-07-11T08:00", "360902")))).isInstanceOf(ConflictProblem.class).hasMessageContaining("已解除");

        for (long id : List.of(alert, update, cancel)) {
            validate(cap.xml(id));
        }
        String updateXml = cap.xml(update);
        assertThat(updateXml).contains("<msgType>Update</msgType>", "<status>Actual</status>",
                "<scope>Public</scope>", "<language>zh-CN</language>", "<category>Met</category>",
                "<event>暴雨</event>", "<severity>Extreme</severity>", "<onset>2031-07-10T09:00:00+08:00</onset>",
                "<expires>2031-07-12T08:00:00+08:00</expires>", "<senderName>宜春市应急管理局</senderName>",
                "<valueName>GB/T 2260</valueName><value>360902</value>", "<value>360902001</value>",
                "<areaDesc>袁州区、灵泉街道</areaDesc>", "/warnings/" + update + "</web>");
        assertThat(updateXml).doesNotContain("Z<", "Z\"");
        Matcher times = Pattern.compile("<(sent|onset|expires)>([^<]+)<").matcher(updateXml);
        while (times.find()) {
            assertThat(times.group(2)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");
        }
        String alertSent = CapAlerts.capTime(warnings.get(alert).issuedAt());
        assertThat(updateXml).contains("<references>" + cap.sender() + "," + cap.identifier(warnings.get(alert))
                + "," + alertSent + "</references>");
        String cancelXml = cap.xml(cancel);
        assertThat(cancelXml).contains("<msgType>Cancel</msgType>", cap.identifier(warnings.get(alert)),
                cap.identifier(warnings.get(update)), "<identifier>" + cap.identifier(warnings.get(cancel)));
        assertThat(cap.xml(alert)).doesNotContain("<references>").contains("<msgType>Alert</msgType>");
        assertThat(cap.identifier(warnings.get(alert))).isEqualTo(cap.identifier(warnings.get(alert)));
    }

    @Test
    void capCategoriesAndSeveritiesFollowTheConfiguredMaps() {
        assertThat(cap.category("地质灾害")).isEqualTo("Geo");
        assertThat(cap.category("森林火险")).isEqualTo("Fire");
        assertThat(cap.category("暴雨")).isEqualTo("Met");
        assertThat(cap.category("其他")).isEqualTo("Env");
        assertThat(cap.severity(WarningLevel.BLUE)).isEqualTo("Minor");
        assertThat(cap.severity(WarningLevel.YELLOW)).isEqualTo("Moderate");
        assertThat(CapAlerts.capTime(java.time.Instant.parse("2031-01-01T00:00:00Z")))
                .isEqualTo("2031-01-01T08:00:00+08:00");
    }

    @Test
    void theApiPublishesUpdatesCancelsAndConfirmsAndAnyoneReadsTheFeed() throws Exception {
        clock.setDate(LocalDate.of(2031, 8, 10));
        RequestPostProcessor approver = signIn.asNew("ycsyjj", Role.APPROVER);
        String body = """
                {"hazard":"大风","level":"YELLOW","areas":["360922"],"headline":"","description":"阵风8级。",
                 "instruction":"加固搭建物。","onset":"2031-08-10T08:00:00+08:00","expires":"2031-08-11T08:00:00+08:00"}
                """;
        mvc.perform(post("/api/v1/warnings").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/warnings").with(signIn.asNew("ycshbj", Role.APPROVER))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/warnings").with(approver).contentType(MediaType.APPLICATION_JSON)
                .content(body.replace("2031-08-11T08", "2031-08-09T08"))).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("expires")));
        String created = mvc.perform(post("/api/v1/warnings").with(approver).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll("\\D", ""));
        mvc.perform(get("/api/v1/warnings")).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + id + ")].headline").value("宜春市应急管理局发布大风黄色预警"));
        mvc.perform(get("/api/v1/warnings/{id}", id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_FORCE")).andExpect(jsonPath("$.level").value("YELLOW"));
        mvc.perform(post("/api/v1/warnings/{id}/confirm", id).with(approver)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/warnings/{id}/confirm", id).with(signIn.asNew("ycsyjj", Role.REVIEWER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.confirmedAt").exists());
        String updated = mvc.perform(post("/api/v1/warnings/{id}/update", id).with(approver)
                .contentType(MediaType.APPLICATION_JSON).content(body.replace("YELLOW", "ORANGE")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long update = Long.parseLong(updated.replaceAll("\\D", ""));
        mvc.perform(post("/api/v1/warnings/{id}/cancel", update).with(approver).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"大风减弱。\"}")).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/warnings/{id}/cancel", update).with(approver).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"再次\"}")).andExpect(status().isConflict());
        mvc.perform(get("/api/v1/warnings")).andExpect(content().string(not(containsString("\"id\":" + id + ","))));

        String xml = mvc.perform(get("/cap/alerts/{id}.xml", update)).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/cap+xml"))
                .andReturn().getResponse().getContentAsString();
        validate(xml);
        mvc.perform(get("/cap/alerts/{id}.xml", 999_999_999)).andExpect(status().isNotFound());
        mvc.perform(get("/cap/alerts.atom")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/atom+xml"))
                .andExpect(content().string(containsString("/cap/alerts/" + update + ".xml")))
                .andExpect(content().string(containsString("type=\"application/cap+xml\"")))
                .andExpect(content().string(containsString("宜春市应急管理局解除大风橙色预警")));
    }

    static void validate(String xml) {
        try {
            var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(WarningsTest.class.getResource("/cap-1.2.xsd"));
            schema.newValidator().validate(new StreamSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new AssertionError("Not valid CAP 1.2: " + e.getMessage() + "\n" + xml, e);
        }
    }
}
