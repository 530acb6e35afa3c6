package gongkai.publishing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import gongkai.account.AuditTrail;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.ConflictProblem;
import gongkai.shared.InvalidInputProblem;
import gongkai.support.PlatformTest;
import gongkai.support.Staff;

import static gongkai.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The three-step review: the full path, each refusal, separation of duties, versions and withdrawal. */
@PlatformTest
class PublishingWorkflowTest extends PublishingFixture {

    @Autowired
    AuditTrail audit;

    static RecordInput project(String title, String body, List<Map<String, String>> rows) {
        return new RecordInput("pa-project", "ycsfpb", "360900", title, "2026年第三批扶贫项目", null,
                LocalDate.of(2026, 9, 1), body, List.of("扶贫项目"), null, null, null, null, rows, null, null);
    }

    static Map<String, String> projectRow(String name) {
        return Map.of("项目名称", name, "资金来源", "中央财政衔接资金", "实施期限", "2026年3月至10月",
                "预期目标", "硬化村组道路2.5公里", "实施单位", "某乡人民政府", "责任人", "刘建设",
                "举报电话", "0795-3201234");
    }

    private String reviewed(Staff s, RecordInput input) {
        String ref = as(s.editor(), () -> drafting.create(input));
        as(s.editor(), () -> publishing.submit(ref));
        as(s.reviewer(), () -> publishing.review(ref, Decision.PASS, "同意"));
        return ref;
    }

    @Test
    void aRecordTravelsFromDraftToPublicWithAnIndexNumber() {
        Staff s = Staff.of("ycsfpb");
        String draft = as(s.editor(), () -> drafting.create(project("某村道路硬化项目公示", "<p>现将项目公示如下。</p>",
                List.of(projectRow("某村组道路硬化")))));
        assertThat(draft).startsWith("draft-");
        assertThat(as(s.editor(), () -> records.workingCopy(draft)).status()).isEqualTo(RecordStatus.DRAFT);
        as(s.editor(), () -> publishing.submit(draft));
        as(s.reviewer(), () -> publishing.review(draft, Decision.PASS, "材料齐全"));
        as(s.approver(), () -> publishing.approve(draft, Decision.PASS, "同意发布", null, null));

        RecordView published = records.view(draft, null);
        assertThat(published.indexNo()).matches("ycsfpb/2026-\\d{5}");
        assertThat(published.status()).isEqualTo(RecordStatus.PUBLISHED);
        assertThat(published.version()).isEqualTo(1);
        assertThat(published.publisher()).isEqualTo("宜春市扶贫和移民办公室");
        assertThat(published.rows()).hasSize(1);
        assertThat(published.contentSha256()).hasSize(64);
        assertThat(records.view(published.indexNo(), null).title()).isEqualTo("某村道路硬化项目公示");
        assertThat(as(s.approver(), () -> records.workingCopy(draft)).steps()).extracting(RecordStep::kind)
                .containsExactly(RecordStep.Kind.CREATE, RecordStep.Kind.SUBMIT, RecordStep.Kind.REVIEW_PASS,
                        RecordStep.Kind.APPROVE, RecordStep.Kind.PUBLISH);
        var trail = as(gongkai.support.Acting.cityAdmin(), () -> audit.search(
                new AuditTrail.Query(null, "record", published.indexNo(), null, null), 0).getContent());
        assertThat(trail).anyMatch(e -> e.action().equals("record.publish"));
        assertThat(records.published(new RecordFilter(null, "ycsfpb", null, null, null, null), 0, 50).getContent())
                .anyMatch(r -> r.indexNo().equals(published.indexNo()));
    }

    @Test
    void submissionListsEveryMissingFieldAndForbiddenWord() {
        Staff s = Staff.of("ycsfpb");
        var row = new java.util.HashMap<>(projectRow("缺项项目"));
        row.remove("资金来源");
        row.remove("责任人");
        String ref = as(s.editor(), () -> drafting.create(project("内部资料：项目清单", "<p>本件为机密★文件。</p>",
                List.of(row))));
        assertThatThrownBy(() -> as(s.editor(), () -> publishing.submit(ref)))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputProblem.FieldError::message)
                        .anyMatch(m -> m.contains("数据第1行“资金来源”为必填项"))
                        .anyMatch(m -> m.contains("数据第1行“责任人”为必填项"))
                        .anyMatch(m -> m.contains("标题含有禁用词“内部资料”"))
                        .anyMatch(m -> m.contains("正文含有禁用词“机密★”")));
        assertThat(as(s.editor(), () -> records.workingCopy(ref)).status()).isEqualTo(RecordStatus.DRAFT);
    }

    @Test
    void aValidIdNumberBlocksSubmissionAndAWrongCheckDigitDoesNot() {
        Staff s = Staff.of("ycsfpb");
        String blocked = as(s.editor(), () -> drafting.create(project("项目公示一",
                "<p>联系人王某，身份证号11010519491231002X。</p>", List.of(projectRow("项目甲")))));
        assertThatThrownBy(() -> as(s.editor(), () -> publishing.submit(blocked)))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.errors())
                        .anyMatch(x -> x.field().equals("body") && x.message().contains("居民身份证号码")
                                && !x.message().contains("11010519491231002X")));
        String fine = as(s.editor(), () -> drafting.create(project("项目公示二",
                "<p>档案编号11010519491231002Y。</p>", List.of(projectRow("项目乙")))));
        as(s.editor(), () -> publishing.submit(fine));
        assertThat(as(s.editor(), () -> records.workingCopy(fine)).status()).isEqualTo(RecordStatus.SUBMITTED);

        int masked = as(s.editor(), () -> drafting.applySuggestedMasking(blocked, "面向社会公开，保护个人隐私"));
        assertThat(masked).isEqualTo(1);
        as(s.editor(), () -> publishing.submit(blocked));
        RecordView after = as(s.editor(), () -> records.workingCopy(blocked));
        assertThat(after.body()).doesNotContain("11010519491231002X");
        assertThat(after.steps()).anyMatch(x -> x.kind() == RecordStep.Kind.MASK && x.comment().contains("保护个人隐私"));
    }

    @Test
    void nobodyReviewsOrApprovesWhatTheyWrote() {
        Staff s = Staff.of("ycsfpb");
        gongkai.shared.Actor allRoles = new gongkai.shared.Actor("all-" + System.nanoTime(), "ycsfpb",
                java.util.EnumSet.of(gongkai.shared.Role.EDITOR, gongkai.shared.Role.REVIEWER,
                        gongkai.shared.Role.APPROVER), false);
        String ref = as(allRoles, () -> drafting.create(project("自审测试", "<p>正文</p>", List.of(projectRow("项目丙")))));
        as(allRoles, () -> publishing.submit(ref));
        assertThatThrownBy(() -> as(allRoles, () -> publishing.review(ref, Decision.PASS, "")))
                .isInstanceOf(AccessDeniedProblem.class).hasMessageContaining("三审");
        as(s.reviewer(), () -> publishing.review(ref, Decision.PASS, ""));
        assertThatThrownBy(() -> as(allRoles, () -> publishing.approve(ref, Decision.PASS, "", null, null)))
                .isInstanceOf(AccessDeniedProblem.class);
        // Roles and organisations are checked too.
        assertThatThrownBy(() -> as(s.editor(), () -> publishing.approve(ref, Decision.PASS, "", null, null)))
                .isInstanceOf(AccessDeniedProblem.class);
        assertThatThrownBy(() -> as(Staff.of("ycsmzj").approver(), () -> publishing.approve(ref, Decision.PASS, "",
                null, null))).isInstanceOf(AccessDeniedProblem.class);
        as(s.approver(), () -> publishing.approve(ref, Decision.PASS, "", null, null));
        assertThat(records.view(ref, null).status()).isEqualTo(RecordStatus.PUBLISHED);
    }

    @Test
    void stepsOutOfOrderAndRejectionsWithoutCommentAreRefused() {
        Staff s = Staff.of("ycsfpb");
        String ref = as(s.editor(), () -> drafting.create(project("顺序测试", "<p>正文</p>", List.of(projectRow("项目丁")))));
        assertThatThrownBy(() -> as(s.reviewer(), () -> publishing.review(ref, Decision.PASS, "")))
                .isInstanceOf(ConflictProblem.class);
        as(s.editor(), () -> publishing.submit(ref));
        assertThatThrownBy(() -> as(s.approver(), () -> publishing.approve(ref, Decision.PASS, "", null, null)))
                .isInstanceOf(ConflictProblem.class);
        assertThatThrownBy(() -> as(s.reviewer(), () -> publishing.review(ref, Decision.REJECT, " ")))
                .isInstanceOf(InvalidInputProblem.class);
        as(s.reviewer(), () -> publishing.review(ref, Decision.REJECT, "实施期限填写有误"));
        RecordView rejected = as(s.editor(), () -> records.workingCopy(ref));
        assertThat(rejected.status()).isEqualTo(RecordStatus.REJECTED);
        assertThat(rejected.steps()).last().satisfies(x -> assertThat(x.comment()).isEqualTo("实施期限填写有误"));
        as(s.editor(), () -> drafting.update(ref, project("顺序测试（已修改）", "<p>正文</p>", List.of(projectRow("项目丁")))));
        as(s.editor(), () -> publishing.submit(ref));
        assertThat(as(s.editor(), () -> records.workingCopy(ref)).status()).isEqualTo(RecordStatus.SUBMITTED);
    }

    @Test
    void aRevisionMakesANewVersionAndTheOldOneStaysReadable() {
        Staff s = Staff.of("ycsfpb");
        String ref = reviewed(s, project("版本测试", "<p>第一版</p>", List.of(projectRow("项目戊"))));
        as(s.approver(), () -> publishing.approve(ref, Decision.PASS, "", null, null));
        String indexNo = records.view(ref, null).indexNo();
        as(s.editor(), () -> publishing.revise(indexNo));
        as(s.editor(), () -> drafting.update(indexNo, project("版本测试", "<p>第二版</p>", List.of(projectRow("项目戊")))));
        assertThat(records.view(indexNo, null).body()).contains("第一版");
        as(s.editor(), () -> publishing.submit(indexNo));
        as(s.reviewer(), () -> publishing.review(indexNo, Decision.PASS, ""));
        as(s.approver(), () -> publishing.approve(indexNo, Decision.PASS, "", null, null));
        RecordView now = records.view(indexNo, null);
        assertThat(now.version()).isEqualTo(2);
        assertThat(now.indexNo()).isEqualTo(indexNo);
        assertThat(now.body()).contains("第二版");
        assertThat(now.versions()).hasSize(2);
        assertThat(records.view(indexNo, null, 1).body()).contains("第一版");
        assertThat(now.contentSha256()).isNotEqualTo(records.view(indexNo, null, 1).contentSha256());
    }

    @Test
    void aWithdrawnRecordKeepsItsPageWithTheReasonAndLeavesTheLists() {
        Staff s = Staff.of("ycsfpb");
        String ref = reviewed(s, project("撤回测试", "<p>正文</p>", List.of(projectRow("项目己"))));
        as(s.approver(), () -> publishing.approve(ref, Decision.PASS, "", null, null));
        String indexNo = records.view(ref, null).indexNo();
        assertThatThrownBy(() -> as(s.approver(), () -> publishing.withdraw(indexNo, " ")))
                .isInstanceOf(InvalidInputProblem.class);
        as(s.approver(), () -> publishing.withdraw(indexNo, "项目已调整"));
        RecordView page = records.view(indexNo, null);
        assertThat(page.withdrawn()).isTrue();
        assertThat(page.withdrawalReason()).isEqualTo("项目已调整");
        assertThat(records.published(RecordFilter.none(), 0, 100).getContent())
                .noneMatch(r -> indexNo.equals(r.indexNo()));
    }

    @Test
    void badInputAtEntryNamesTheFieldAndCreatesNothing() {
        Staff s = Staff.of("ycsfpb");
        long before = records.published(RecordFilter.none(), 0, 1).getTotalElements();
        RecordInput bad = new RecordInput("pa-project", "ycsfpb", "no-region", " ", null, null, LocalDate.of(2026, 1, 1),
                null, null, "targeted", null, "不存在的分类", null,
                List.of(Map.of("项目名称", "x", "举报电话", "不是电话", "未知列", "y")), null, null);
        assertThatThrownBy(() -> as(s.editor(), () -> drafting.create(bad)))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputProblem.FieldError::field)
                        .contains("title", "region", "audience", "subjectClass", "data"));
        RecordInput notOwner = new RecordInput("ed-policy", "ycsfpb", "360900", "越权", null, null,
                LocalDate.of(2026, 1, 1), "<p>x</p>", null, null, null, null, null, null, null, null);
        assertThatThrownBy(() -> as(s.editor(), () -> drafting.create(notOwner)))
                .isInstanceOfSatisfying(InvalidInputProblem.class,
                        e -> assertThat(e.getMessage()).contains("不是目录事项“教育政策和发展规划”的责任单位"));
        assertThatThrownBy(() -> as(Staff.of("ycsmzj").editor(), () -> drafting.create(project("他单位", "", List.of()))))
                .isInstanceOf(AccessDeniedProblem.class);
        assertThat(records.published(RecordFilter.none(), 0, 1).getTotalElements()).isEqualTo(before);
    }

    @Test
    void bodiesAreSanitised() {
        Staff s = Staff.of("ycsfpb");
        String ref = as(s.editor(), () -> drafting.create(project("净化测试",
                "<p onclick=\"x()\">正文<script>alert(1)</script><a href=\"javascript:evil()\">链接</a></p>",
                List.of(projectRow("项目庚")))));
        String body = as(s.editor(), () -> records.workingCopy(ref)).body();
        assertThat(body).contains("正文").doesNotContain("script", "onclick", "javascript");
    }
}
