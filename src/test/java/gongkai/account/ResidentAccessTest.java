package gongkai.account;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriUtils;

import gongkai.account.internal.AccountUserDetailsService;
import gongkai.publishing.Decision;
import gongkai.publishing.Drafting;
import gongkai.publishing.Publishing;
import gongkai.publishing.RecordInput;
import gongkai.publishing.Records;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.PlatformTest;
import gongkai.support.Staff;

import static gongkai.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Residents registered for a region, confirmed by its office, read what is disclosed to that region. */
@PlatformTest
class ResidentAccessTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Residents residents;
    @Autowired
    Drafting drafting;
    @Autowired
    Publishing publishing;
    @Autowired
    Records records;
    @Autowired
    AccountUserDetailsService principals;

    private String register(String username, String region) throws Exception {
        mvc.perform(post("/residents/register").with(csrf()).param("username", username)
                        .param("password", "Resident-Passw0rd").param("displayName", "居民" + username)
                        .param("phone", "0795-3201234").param("region", region))
                .andExpect(status().isOk()).andExpect(content().string(containsString("注册已提交")));
        return username;
    }

    private String publishTargeted(String township) {
        Staff s = Staff.of("fxxzf");
        RecordInput input = new RecordInput("pa-fund-use", "fxxzf", township, "某镇2026年扶贫资金分配使用情况（居民测试）",
                "", null, LocalDate.of(2026, 10, 8), "", List.of(), null, "脱贫户", null, null,
                List.of(Map.of("资金名称", "衔接资金", "资金来源", "中央", "下达金额", "100000.00", "分配对象", "某村",
                        "使用方向", "产业发展", "拨付日期", "2026-09-01")), null, null);
        String ref = as(s.editor(), () -> drafting.create(input));
        as(s.editor(), () -> publishing.submit(ref));
        as(s.reviewer(), () -> publishing.review(ref, Decision.PASS, ""));
        as(s.approver(), () -> publishing.approve(ref, Decision.PASS, "", null, null));
        return as(s.editor(), () -> records.view(ref, null)).indexNo();
    }

    @Test
    void aConfirmedResidentReadsWhatIsDisclosedToTheirRegionOnly() throws Exception {
        String township = "360921101";
        String indexNo = publishTargeted(township);
        String encoded = UriUtils.encodePathSegment(indexNo, StandardCharsets.UTF_8);
        String local = register("res" + System.nanoTime() % 100000000, township);
        assertThat(residents.find(local)).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(Resident.Status.PENDING));

        // Not yet confirmed: cannot sign in.
        mvc.perform(post("/admin/login").with(csrf()).param("username", local).param("password", "Resident-Passw0rd"))
                .andExpect(redirectedUrl("/admin/login?error"));
        // Another county's admin cannot confirm; the resident's own county can.
        assertThatThrownBy(() -> as(Acting.actor("wzxzf", Role.ADMIN), () -> residents.confirm(local)))
                .isInstanceOf(AccessDeniedProblem.class);
        as(Acting.actor("fxxzf", Role.ADMIN), () -> residents.confirm(local));

        mvc.perform(post("/admin/login").with(csrf()).param("username", local).param("password", "Resident-Passw0rd"))
                .andExpect(redirectedUrl("/residents/me"));
        var resident = principals.loadUserByUsername(local);
        mvc.perform(get("/residents/me").with(user(resident))).andExpect(status().isOk())
                .andExpect(content().string(containsString("某镇2026年扶贫资金分配使用情况（居民测试）")));
        mvc.perform(get(URI.create("/records/" + encoded)).with(user(resident))).andExpect(status().isOk())
                .andExpect(content().string(containsString("衔接资金")));
        mvc.perform(get("/admin").with(user(resident))).andExpect(status().isForbidden());

        // A resident of another county sees only the code form.
        String elsewhere = register("oth" + System.nanoTime() % 100000000, "360922101");
        as(Acting.actor("wzxzf", Role.ADMIN), () -> residents.confirm(elsewhere));
        mvc.perform(get(URI.create("/records/" + encoded)).with(user(principals.loadUserByUsername(elsewhere))))
                .andExpect(status().isForbidden())
                .andExpect(content().string(not(containsString("衔接资金"))));
    }

    @Test
    void badRegistrationsAreRefusedAndStoreNothing() throws Exception {
        mvc.perform(post("/residents/register").with(csrf()).param("username", "admin")
                        .param("password", "Resident-Passw0rd").param("displayName", "冒名").param("phone", "0795-3201234")
                        .param("region", "360921101"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("已被使用")));
        mvc.perform(post("/residents/register").with(csrf()).param("username", "county-level")
                        .param("password", "Resident-Passw0rd").param("displayName", "某人").param("phone", "0795-3201234")
                        .param("region", "360921"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("请选择所在的乡镇")));
        assertThat(residents.find("county-level")).isEmpty();
        mvc.perform(get("/residents/register")).andExpect(status().isOk())
                .andExpect(content().string(containsString("赤岸镇")));
    }
}
