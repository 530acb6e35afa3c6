package gongkai.emergency.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import gongkai.emergency.Donations;
import gongkai.emergency.NewCampaign;
import gongkai.emergency.NewDonationEntry;
import gongkai.emergency.RecordedEntry;
import gongkai.privacy.Masking;
import gongkai.shared.Actor;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.PlatformTest;

/**
 * The public donation pages over HTTP: totals with separators and units, the ledger newest first with a reversal
 * linked, a natural person masked on the page and in the downloads, the CSV's formula neutralisation, typed XLSX
 * cells, and the donor's lookup, refused to a client that looks up too often; closing a campaign by form.
 */
@PlatformTest
class DonationPagesTest {

    @Autowired
    Donations donations;
    @Autowired
    MockMvc mvc;
    @Autowired
    gongkai.support.BackOfficeSignIn signIn;

    @Value("${gongkai.emergency.lookup.max-per-address:10}")
    int lookupsPerAddress;

    final Actor editor = Acting.actor("ycsyjj", Role.EDITOR);
    final LocalDate day = LocalDate.of(2026, 7, 3);

    @Test
    void theCampaignPageAndDownloadsShowTotalsMaskPersonsAndNeutraliseFormulas() throws Exception {
        long c = donations.open(new NewCampaign("DPT 测试洪灾捐赠", "ycsyjj", "360902", day, null),
                Acting.actor("ycsyjj", Role.APPROVER));
        RecordedEntry receipt = donations.record(c, new NewDonationEntry("RECEIPT", "money",
                new BigDecimal("12345.6"), null, null, null, "=HYPERLINK(\"http://x\")", null, null, null, day, null),
                editor);
        donations.record(c, new NewDonationEntry("RECEIPT", "goods", null, "矿泉水", new BigDecimal("200"), "箱",
                null, null, null, null, day, null), editor);
        long allocation = donations.record(c, new NewDonationEntry("ALLOCATION", "money", new BigDecimal("1000"), null,
                null, null, null, "生活救助", "李小龙", "PERSON", day, null), editor).id();
        long reversal = donations.record(c, new NewDonationEntry("REVERSAL", null, null, null, null, null, null, null,
                null, null, day, allocation), editor).id();
        donations.record(c, new NewDonationEntry("ALLOCATION", "money", new BigDecimal("500"), null, null, null, null,
                "生活救助", "李小龙", "PERSON", day, null), editor);

        String page = mvc.perform(get("/donations/" + c)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("12,345.60元", "500.00元", "11,845.60元", "200箱", "矿泉水（箱）")
                .contains(Masking.name("李小龙")).doesNotContain("李小龙")
                .contains("/donations/" + c + "/entries/" + allocation);
        assertThat(page.indexOf("entry-" + reversal)).isLessThan(page.indexOf("entry-" + allocation));
        mvc.perform(get("/donations/" + c + "/entries/" + allocation)).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/donations/" + c + "?page=1#entry-" + allocation));
        assertThat(mvc.perform(get("/donations")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("DPT 测试洪灾捐赠");

        byte[] csv = mvc.perform(get("/donations/" + c + "/entries.csv")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF").contains("\"'=HYPERLINK(\"\"http://x\"\")\"")
                .contains(",12345.6,").contains(Masking.name("李小龙")).doesNotContain("李小龙");

        byte[] xlsx = mvc.perform(get("/donations/" + c + "/entries.xlsx")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var first = book.getSheetAt(0).getRow(1);
            assertThat(first.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(5).getNumericCellValue()).isEqualTo(12345.6);
            assertThat(first.getCell(6).getCellType()).isEqualTo(CellType.STRING);
            assertThat(book.getSheetAt(0).getRow(3).getCell(8).getStringCellValue()).isEqualTo(Masking.name("李小龙"));
        }

        String found = mvc.perform(post("/donations/" + c + "/lookup").with(csrf()).param("receiptNo",
                receipt.receiptNo()).param("code", receipt.lookupCode())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(found).contains("12,345.60元", receipt.receiptNo());
        String wrong = mvc.perform(post("/donations/" + c + "/lookup").with(csrf()).param("receiptNo",
                receipt.receiptNo()).param("code", "AAAAAAAAAA")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        String unknown = mvc.perform(post("/donations/" + c + "/lookup").with(csrf()).param("receiptNo",
                "JZ-" + c + "-999999").param("code", receipt.lookupCode())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(wrong).contains(Donations.LOOKUP_FAILED).doesNotContain("12,345.60元");
        assertThat(unknown).contains(Donations.LOOKUP_FAILED);
        mvc.perform(get("/donations/" + c + "/lookup")).andExpect(status().isOk());
        mvc.perform(get("/donations/999999999")).andExpect(status().isNotFound());
    }

    @Test
    void aClientThatLooksUpTooOftenIsToldToWaitAndGetsNoReceiptWhileOthersStillCan() throws Exception {
        long c = donations.open(new NewCampaign("DPT 查询限流", "ycsyjj", "360902", day, null),
                Acting.actor("ycsyjj", Role.APPROVER));
        RecordedEntry receipt = donations.record(c, new NewDonationEntry("RECEIPT", "money", new BigDecimal("4321"),
                null, null, null, null, null, null, null, day, null), editor);
        String tag = Long.toString(System.nanoTime() % 250 + 1);
        String guesser = "198.51.100." + tag;
        for (int i = 0; i < lookupsPerAddress; i++) {
            String wrong = mvc.perform(post("/donations/" + c + "/lookup").with(csrf()).with(from(guesser))
                    .param("receiptNo", receipt.receiptNo()).param("code", "WRONG" + i)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(wrong).contains(Donations.LOOKUP_FAILED);
        }
        String refused = mvc.perform(post("/donations/" + c + "/lookup").with(csrf()).with(from(guesser))
                .param("receiptNo", receipt.receiptNo()).param("code", receipt.lookupCode()))
                .andExpect(status().isTooManyRequests()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("从您的网络地址查询捐赠收据的次数过多，请15分钟后再试。")
                .doesNotContain("4,321.00元");
        String other = mvc.perform(post("/donations/" + c + "/lookup").with(csrf()).with(from("203.0.113." + tag))
                .param("receiptNo", receipt.receiptNo()).param("code", receipt.lookupCode()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(other).contains("4,321.00元");
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void theOrganisersStaffOpenACampaignAndRecordEntriesByFormWithTheSameRules() throws Exception {
        var approver = signIn.asNew("ycsyjj", Role.APPROVER);
        String list = mvc.perform(get("/admin/donations").with(approver)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("href=\"/admin/donations\"", "开设捐赠活动");
        String location = mvc.perform(post("/admin/donations").with(approver).with(csrf()).param("name", "DPT 后台活动")
                .param("region", "360902").param("startsOn", "2026-07-01")).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        long c = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        var clerk = signIn.asNew("ycsyjj", Role.EDITOR);
        assertThat(mvc.perform(get("/admin/donations").with(clerk)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("DPT 后台活动").doesNotContain("开设捐赠活动");
        mvc.perform(post("/admin/donations/" + c + "/entries").with(clerk).with(csrf()).param("kind", "RECEIPT")
                .param("category", "money").param("amount", "1,000").param("date", "2026-07-02"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("notice", org.hamcrest.Matchers.containsString("JZ-" + c + "-000001")));
        String refused = mvc.perform(post("/admin/donations/" + c + "/entries").with(clerk).with(csrf())
                .param("kind", "ALLOCATION").param("category", "money").param("amount", "1200")
                .param("purpose", "安置").param("recipient", "某村委会").param("date", "2026-07-02"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("该类别现有1,000.00元，不足以拨付1,200.00元");
        String goods = mvc.perform(post("/admin/donations/" + c + "/entries").with(clerk).with(csrf())
                .param("kind", "RECEIPT").param("category", "goods").param("item", "棉被").param("quantity", "10")
                .param("date", "2026-07-02")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(goods).contains("请填写物资的计量单位");
        assertThat(donations.campaign(c).entryCount()).isEqualTo(1);
        assertThat(mvc.perform(get("/admin/donations/" + c).with(approver)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("只有组织机构的编辑人员可以登记");
        mvc.perform(get("/admin/donations/" + c).with(signIn.asNew("ycshbj", Role.EDITOR)))
                .andExpect(status().isForbidden());
    }

    @Test
    void theApproverClosesACampaignByFormAfterConfirmingAndThePublicPagesSayItStoppedWithTheStatement()
            throws Exception {
        long c = donations.open(new NewCampaign("DPT 停止接收活动", "ycsyjj", "360902", day, null),
                Acting.actor("ycsyjj", Role.APPROVER));
        donations.record(c, new NewDonationEntry("RECEIPT", "money", new BigDecimal("900"), null, null, null, null,
                null, null, null, day, null), editor);
        var approver = signIn.asNew("ycsyjj", Role.APPROVER);
        var clerk = signIn.asNew("ycsyjj", Role.EDITOR);
        assertThat(text(mvc.perform(get("/admin/donations/" + c).with(approver)))).contains("id=\"close-form\"");
        assertThat(text(mvc.perform(get("/admin/donations/" + c).with(clerk)))).doesNotContain("id=\"close-form\"");

        String statement = "DPT 转移安置已完成，即日起停止接收捐赠。";
        String unconfirmed = text(mvc.perform(post("/admin/donations/" + c + "/close").with(approver).with(csrf())
                .param("statement", statement)).andExpect(status().isOk()));
        assertThat(unconfirmed).contains("请勾选“确认停止接收”", statement);
        assertThat(donations.campaign(c).closed()).isFalse();
        mvc.perform(post("/admin/donations/" + c + "/close").with(clerk).with(csrf()).param("statement", statement)
                .param("confirm", "yes")).andExpect(status().isForbidden());
        mvc.perform(post("/admin/donations/" + c + "/close").with(approver).with(csrf()).param("statement", statement)
                .param("confirm", "yes")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/admin/donations/" + c));
        String closedOn = donations.campaign(c).closedOn().toString();

        assertThat(text(mvc.perform(get("/donations/" + c)).andExpect(status().isOk())))
                .contains("已停止接收", closedOn, statement);
        assertThat(text(mvc.perform(get("/donations")))).contains("已停止接收（" + closedOn + "）");
        String desk = text(mvc.perform(get("/admin/donations/" + c).with(clerk)));
        assertThat(desk).contains("已停止接收", statement).doesNotContain("value=\"RECEIPT\"")
                .doesNotContain("id=\"close-form\"");
        String refused = text(mvc.perform(post("/admin/donations/" + c + "/entries").with(clerk).with(csrf())
                .param("kind", "RECEIPT").param("category", "money").param("amount", "10").param("date", "2026-07-03"))
                .andExpect(status().isOk()));
        assertThat(refused).contains("停止接收，不能再登记接收");
        mvc.perform(post("/admin/donations/" + c + "/entries").with(clerk).with(csrf()).param("kind", "ALLOCATION")
                .param("category", "money").param("amount", "100").param("purpose", "安置").param("recipient", "某村委会")
                .param("date", "2026-07-03")).andExpect(status().is3xxRedirection());
        assertThat(donations.campaign(c).entryCount()).isEqualTo(2);
        mvc.perform(post("/admin/donations/" + c + "/close").with(approver).with(csrf()).param("statement", "再停一次")
                .param("confirm", "yes")).andExpect(status().isConflict());
    }

    private static String text(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
