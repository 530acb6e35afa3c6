package gongkai.publishing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.jayway.jsonpath.JsonPath;

import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 拟稿, 审核 and 审批 are three different people: whoever changed the working copy in this round, in any way, may
 * neither review nor approve it, even holding every role, and the reviewer may not approve it.
 */
@PlatformTest
class SeparationOfDutiesTest extends PublishingFixture {

    private static final String ORG = "ycsfpb";

    private static Actor everyRole(String name) {
        return new Actor(name + "-" + Long.toString(System.nanoTime(), 36), ORG,
                EnumSet.of(Role.EDITOR, Role.REVIEWER, Role.APPROVER), false);
    }

    private static RecordInput project(String title, String body) {
        return new RecordInput("pa-project", ORG, "360900", title, "2026年第三批扶贫项目", null, LocalDate.of(2026, 9, 1),
                body, List.of("扶贫项目"), null, null, null, null, List.of(row("某村组道路硬化")), null, null);
    }

    private static Map<String, String> row(String name) {
        return Map.of("项目名称", name, "资金来源", "中央财政衔接资金", "实施期限", "2026年3月至10月", "预期目标", "硬化村组道路2.5公里",
                "实施单位", "某乡人民政府", "责任人", "刘建设", "举报电话", "0795-3201234");
    }

    private void assertMayNeitherReviewNorApprove(Actor who, String ref, Staff s) {
        assertThat(as(who, () -> publishing.allowedActions(ref).get(RecordAction.REVIEW)).refusedForDuties()).isTrue();
        assertThatThrownBy(() -> as(who, () -> publishing.review(ref, Decision.PASS, "同意")))
                .isInstanceOf(AccessDeniedProblem.class).hasMessageContaining("三审");
        assertThatThrownBy(() -> as(who, () -> publishing.review(ref, Decision.REJECT, "退回")))
                .isInstanceOf(AccessDeniedProblem.class);
        as(s.reviewer(), () -> publishing.review(ref, Decision.PASS, "材料齐全"));
        assertThat(as(who, () -> publishing.allowedActions(ref).get(RecordAction.APPROVE)).refusedForDuties()).isTrue();
        assertThatThrownBy(() -> as(who, () -> publishing.approve(ref, Decision.PASS, "同意", null, null)))
                .isInstanceOf(AccessDeniedProblem.class).hasMessageContaining("三审");
        assertThat(as(s.approver(), () -> records.workingCopy(ref)).status()).isEqualTo(RecordStatus.REVIEWED);
    }

    @Test
    void whoeverChangedTheWorkingCopyInAnyWayMayNeitherReviewNorApproveIt() throws Exception {
        Map<String, BiConsumer<Actor, String>> changes = Map.of(
                "修改内容", (who, ref) -> as(who, () -> drafting.update(ref, project("改写后的项目公示", "<p>改写。</p>"))),
                "添加附件", (who, ref) -> as(who, () -> drafting.addAttachment(ref, "现场.png",
                        new ByteArrayInputStream(png()), "项目现场照片")),
                "删除附件", (who, ref) -> {
                    Staff other = Staff.of(ORG);
                    Attachment a = as(other.editor(), () -> drafting.addAttachment(ref, "现场.png",
                            new ByteArrayInputStream(png()), "项目现场照片"));
                    as(who, () -> drafting.removeAttachment(ref, a.sha256()));
                },
                "导入数据", (who, ref) -> as(who, () -> drafting.importRows(ref, "项目.csv", new ByteArrayInputStream(
                        ("项目名称,资金来源,实施期限,预期目标,实施单位,责任人,举报电话\n"
                                + "某村桥梁修复,中央财政衔接资金,2026年4月至9月,修复桥梁1座,某乡人民政府,刘建设,0795-3201234\n")
                                .getBytes(StandardCharsets.UTF_8)))),
                "遮蔽", (who, ref) -> assertThat(as(who, () -> drafting.applySuggestedMasking(ref,
                        "面向社会公开，保护个人隐私"))).isEqualTo(1));
        for (var change : changes.entrySet()) {
            Staff s = Staff.of(ORG);
            Actor allRoles = everyRole("all");
            String ref = as(s.editor(), () -> drafting.create(project("职责分离：" + change.getKey(),
                    "<p>联系人王某，身份证号11010519491231002X。</p>")));
            change.getValue().accept(allRoles, ref);
            as(s.editor(), () -> drafting.applySuggestedMasking(ref, "面向社会公开，保护个人隐私"));
            as(s.editor(), () -> publishing.submit(ref));
            assertMayNeitherReviewNorApprove(allRoles, ref, s);
        }
    }

    @Test
    void theSubmitterAndTheAuthorCountAsDrafters() {
        Staff s = Staff.of(ORG);
        Actor author = everyRole("author");
        Actor submitter = everyRole("submitter");
        String ref = as(author, () -> drafting.create(project("职责分离：录入与提交", "<p>正文</p>")));
        as(submitter, () -> publishing.submit(ref));
        assertThatThrownBy(() -> as(author, () -> publishing.review(ref, Decision.PASS, "")))
                .isInstanceOf(AccessDeniedProblem.class);
        assertMayNeitherReviewNorApprove(submitter, ref, s);
    }

    @Test
    void theReviewerMayNotApproveWhatTheyReviewed() {
        Staff s = Staff.of(ORG);
        Actor both = new Actor("both-" + System.nanoTime(), ORG, EnumSet.of(Role.REVIEWER, Role.APPROVER), false);
        String ref = as(s.editor(), () -> drafting.create(project("职责分离：审核后审批", "<p>正文</p>")));
        as(s.editor(), () -> publishing.submit(ref));
        as(both, () -> publishing.review(ref, Decision.PASS, "同意"));
        StepPermission p = as(both, () -> publishing.allowedActions(ref).get(RecordAction.APPROVE));
        assertThat(p.granted()).isFalse();
        assertThat(p.reason()).contains("您已审核这条信息");
        assertThatThrownBy(() -> as(both, () -> publishing.approve(ref, Decision.PASS, "", null, null)))
                .isInstanceOf(AccessDeniedProblem.class).hasMessageContaining("您已审核这条信息");
        assertThatThrownBy(() -> as(both, () -> publishing.approve(ref, Decision.REJECT, "不同意", null, null)))
                .isInstanceOf(AccessDeniedProblem.class);
        as(s.approver(), () -> publishing.approve(ref, Decision.PASS, "同意发布", null, null));
        assertThat(records.view(ref, null).status()).isEqualTo(RecordStatus.PUBLISHED);
    }

    @Test
    void aDrafterStaysOneAcrossReturnsOfTheSameRound() {
        Staff s = Staff.of(ORG);
        Actor allRoles = everyRole("returned");
        String ref = as(s.editor(), () -> drafting.create(project("职责分离：退回后", "<p>正文</p>")));
        as(allRoles, () -> drafting.update(ref, project("职责分离：退回后", "<p>改写的正文</p>")));
        as(s.editor(), () -> publishing.submit(ref));
        as(s.reviewer(), () -> publishing.review(ref, Decision.REJECT, "请补充实施期限说明"));
        as(s.editor(), () -> drafting.update(ref, project("职责分离：退回后", "<p>补充后的正文</p>")));
        as(s.editor(), () -> publishing.submit(ref));
        assertMayNeitherReviewNorApprove(allRoles, ref, s);
    }

    @Test
    void aNewVersionIsANewRoundWithItsOwnDrafters() {
        Staff s = Staff.of(ORG);
        Actor firstDrafter = everyRole("v1");
        String ref = as(firstDrafter, () -> drafting.create(project("职责分离：修订", "<p>第一版</p>")));
        as(firstDrafter, () -> publishing.submit(ref));
        as(s.reviewer(), () -> publishing.review(ref, Decision.PASS, ""));
        as(s.approver(), () -> publishing.approve(ref, Decision.PASS, "", null, null));
        String indexNo = records.view(ref, null).indexNo();

        // The second version is drafted by someone else: the first version's drafter may review it ...
        as(s.editor(), () -> publishing.revise(indexNo));
        as(s.editor(), () -> drafting.update(indexNo, project("职责分离：修订", "<p>第二版</p>")));
        as(s.editor(), () -> publishing.submit(indexNo));
        as(firstDrafter, () -> publishing.review(indexNo, Decision.PASS, "同意"));
        as(s.approver(), () -> publishing.approve(indexNo, Decision.PASS, "", null, null));
        assertThat(records.view(indexNo, null).version()).isEqualTo(2);

        // ... and the second version's drafter may not review the third, which they changed again.
        as(s.editor(), () -> publishing.revise(indexNo));
        as(firstDrafter, () -> drafting.update(indexNo, project("职责分离：修订", "<p>第三版</p>")));
        as(s.editor(), () -> publishing.submit(indexNo));
        assertMayNeitherReviewNorApprove(firstDrafter, indexNo, s);
    }

    @Test
    void whoeverDraftedAnInterpretationMayNotApproveThePolicyItIsPublishedWith() {
        Staff s = Staff.of("ycsmzj");
        Actor allRoles = new Actor("interp-" + System.nanoTime(), "ycsmzj",
                EnumSet.of(Role.EDITOR, Role.REVIEWER, Role.APPROVER), false);
        String policy = as(s.editor(), () -> drafting.create(new RecordInput("sa-policy", "ycsmzj", "360900",
                "临时救助办法（职责分离测试）", "", "宜民字〔2026〕11号", LocalDate.of(2026, 8, 1), "<p>政策正文。</p>",
                List.of("救助"), null, null, null, null, null, null, null)));
        String interpretation = as(allRoles, () -> drafting.create(new RecordInput("sa-policy", "ycsmzj", "360900",
                "图解临时救助办法", "", null, LocalDate.of(2026, 8, 2), "<p>问：谁可以申请？</p><p>答：……</p>",
                List.of("解读"), null, null, null, null, null, policy, "QA")));
        as(s.editor(), () -> publishing.submit(policy));
        as(allRoles, () -> publishing.submit(interpretation));
        for (String ref : List.of(policy, interpretation)) {
            as(s.reviewer(), () -> publishing.review(ref, Decision.PASS, ""));
        }
        assertThatThrownBy(() -> as(allRoles, () -> publishing.approve(policy, Decision.PASS, "", null, null)))
                .isInstanceOf(AccessDeniedProblem.class).hasMessageContaining("图解临时救助办法")
                .hasMessageContaining("三审");
        as(s.approver(), () -> publishing.approve(policy, Decision.PASS, "同步审签", null, null));
        assertThat(records.view(interpretation, null).status()).isEqualTo(RecordStatus.PUBLISHED);
    }

    @Test
    void threeDifferentPeoplePublish() {
        Staff s = Staff.of(ORG);
        Actor a = everyRole("a");
        Actor b = everyRole("b");
        Actor c = everyRole("c");
        String ref = as(a, () -> drafting.create(project("职责分离：三人", "<p>正文</p>")));
        as(a, () -> publishing.submit(ref));
        assertThat(as(b, () -> publishing.allowedActions(ref).get(RecordAction.REVIEW)).granted()).isTrue();
        as(b, () -> publishing.review(ref, Decision.PASS, "同意"));
        assertThat(as(c, () -> publishing.allowedActions(ref).get(RecordAction.APPROVE)).granted()).isTrue();
        as(c, () -> publishing.approve(ref, Decision.PASS, "同意发布", null, null));
        assertThat(records.view(ref, null).status()).isEqualTo(RecordStatus.PUBLISHED);
        assertThat(as(s.editor(), () -> records.workingCopy(ref)).steps())
                .extracting(RecordStep::kind, RecordStep::actor)
                .contains(org.assertj.core.groups.Tuple.tuple(RecordStep.Kind.REVIEW_PASS, b.username()),
                        org.assertj.core.groups.Tuple.tuple(RecordStep.Kind.APPROVE, c.username()));
    }

    @Test
    void theApiAndTheBackOfficeAskTheSameRule() throws Exception {
        String org = "ycswjw";
        String editor = Acting.newUser(accounts, org, Role.EDITOR);
        String allRoles = Acting.newUser(accounts, org, Role.EDITOR, Role.REVIEWER, Role.APPROVER);
        String reviewerAndApprover = Acting.newUser(accounts, org, Role.REVIEWER, Role.APPROVER);
        String approver = Acting.newUser(accounts, org, Role.APPROVER);
        String body = """
                {"catalogItem":"he-campaign","org":"ycswjw","region":"360900","title":"%s",
                 "writtenOn":"2026-11-02","body":"<p>%s</p>","keywords":["健康中国行"],"audience":"public"}
                """;
        String created = mvc.perform(post("/api/v1/records").with(httpBasic(editor, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body.formatted("健康宣传周活动安排", "活动安排如下。")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String ref = JsonPath.read(created, "$.indexNo");
        // A person holding every role rewrites another editor's draft, which the editor then submits.
        mvc.perform(put("/api/v1/records/{r}", ref).with(httpBasic(allRoles, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body.formatted("健康宣传周活动安排", "改写后的安排。")))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/records/{r}/submit", ref).with(httpBasic(editor, Acting.PASSWORD)))
                .andExpect(status().isOk());

        mvc.perform(post("/api/v1/records/{r}/review", ref).with(httpBasic(allRoles, Acting.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"PASS\"}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.detail", containsString("三审")));
        mvc.perform(get("/admin/records/{r}", ref).with(page(allRoles))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("审核通过</button>"))))
                .andExpect(content().string(containsString("不能审核它（三审须由拟稿、审核、审批三个不同的人完成）")));
        mvc.perform(post("/admin/records/{r}/review", ref).with(page(allRoles)).with(csrf())
                        .param("decision", "PASS").param("comment", "同意"))
                .andExpect(status().isForbidden()).andExpect(content().string(containsString("三审")));

        mvc.perform(get("/admin/records/{r}", ref).with(page(reviewerAndApprover)))
                .andExpect(content().string(containsString("审核通过</button>")));
        mvc.perform(post("/admin/records/{r}/review", ref).with(page(reviewerAndApprover)).with(csrf())
                        .param("decision", "PASS").param("comment", "同意"))
                .andExpect(status().is3xxRedirection());

        for (String refused : List.of(allRoles, reviewerAndApprover)) {
            mvc.perform(get("/admin/records/{r}", ref).with(page(refused))).andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("审批通过并发布</button>"))))
                    .andExpect(content().string(containsString("三审须由拟稿、审核、审批三个不同的人完成")));
            mvc.perform(post("/api/v1/records/{r}/approve", ref).with(httpBasic(refused, Acting.PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"PASS\"}"))
                    .andExpect(status().isForbidden()).andExpect(jsonPath("$.detail", containsString("三审")));
        }

        mvc.perform(get("/admin/records/{r}", ref).with(page(approver)))
                .andExpect(content().string(containsString("审批通过并发布</button>")))
                .andExpect(content().string(not(containsString("三审须由"))));
        mvc.perform(post("/admin/records/{r}/approve", ref).with(page(approver)).with(csrf())
                        .param("decision", "PASS").param("comment", "同意发布"))
                .andExpect(status().is3xxRedirection());
        assertThat(records.view(ref, null).status()).isEqualTo(RecordStatus.PUBLISHED);
    }

    private static byte[] png() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
