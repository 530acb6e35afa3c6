package gongkai.catalog;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import gongkai.account.AuditTrail;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalogue as loaded, and its amendment by the city office's admin only. */
@PlatformTest
class CatalogAmendmentTest {

    @Autowired
    Catalog catalog;
    @Autowired
    AuditTrail audit;

    @Test
    void theLoadedCatalogueFollowsThePlan() {
        assertThat(catalog.domains()).filteredOn(CatalogDomain::planField).extracting(CatalogDomain::code)
                .containsExactly("poverty-alleviation", "social-assistance", "education", "health", "environment",
                        "disaster-relief", "culture-sports");
        assertThat(catalog.domains()).filteredOn(d -> !d.forInstitutions() && !d.planField())
                .extracting(CatalogDomain::code).containsExactly("gov-disclosure");
        assertThat(catalog.requireItem("gd-annual-report").schedule().code()).isEqualTo("yearly:01-31");
        assertThat(catalog.requireItem("gd-level-report").schedule().describe()).isEqualTo("按年度公开，次年3月31日前");
        assertThat(catalog.domains()).filteredOn(CatalogDomain::forInstitutions).extracting(CatalogDomain::code)
                .containsExactly("pi-education", "pi-health", "pi-utilities", "pi-charity");
        // 51 from the plan and the disclosure work, and 回应社会关切 (gd-response, issue 17).
        assertThat(catalog.items()).filteredOn(i -> i.ownerSectors().isEmpty()).hasSize(52);
        CatalogItem identification = catalog.requireItem("pa-identification");
        assertThat(identification.audience()).isEqualTo(Audience.TARGETED);
        assertThat(identification.personalFields()).extracting(CatalogField::name).containsExactly("户主姓名");
        assertThat(catalog.requireItem("en-eia").lists().get("stages")).containsExactly("受理公示", "拟审批公示", "批后公告");
        assertThat(catalog.requireDomain("social-assistance").lists().get("programmes")).hasSize(10);
        assertThat(catalog.requireItem("sa-recipients").schedule()).isEqualTo(PublicationSchedule.parse("monthly:10"));
        assertThat(catalog.items()).filteredOn(CatalogItem::policyDocument).extracting(CatalogItem::code)
                .containsExactly("pa-policy", "pa-plan", "sa-policy", "ed-policy", "he-immunization", "en-ecology",
                        "cs-policy");
        assertThat(catalog.items()).allSatisfy(i -> {
            assertThat(catalog.subjectClasses().isValid(i.subjectClass())).as(i.code()).isTrue();
            assertThat(i.ownerOrgs().isEmpty() && !i.countyOwners() && i.ownerSectors().isEmpty()).as(i.code()).isFalse();
        });
    }

    @Test
    void fieldTypesCheckValuesTheWayAClerkExpects() {
        assertThat(FieldType.AMOUNT.check("12000.50", List.of())).isEmpty();
        assertThat(FieldType.AMOUNT.check("12000.505", List.of())).isPresent();
        assertThat(FieldType.DATE.check("2026-02-30", List.of())).isPresent();
        assertThat(FieldType.PHONE.check("0795-3201234", List.of())).isEmpty();
        assertThat(FieldType.CHOICE.check("退出", List.of("识别", "退出"))).isEmpty();
        assertThat(FieldType.CHOICE.check("其他", List.of("识别", "退出"))).get().asString().contains("识别、退出");
        assertThat(FieldType.DATE_RANGE.check("2026-11-10至2026-11-01", List.of())).isPresent();
        assertThat(FieldType.CREDIT_CODE.check("91350100M000100Y43", List.of())).isEmpty();
        assertThat(FieldType.CREDIT_CODE.check("91350100M000100Y44", List.of())).isPresent();
    }

    @Test
    void onlyTheCityAdminAmendsAndEveryChangeIsAudited() {
        CatalogItem before = catalog.requireItem("cs-heritage");
        ItemAmendment change = new ItemAmendment(before.name(), before.audience(), "event:15", before.content(),
                before.legalBasis(), before.subjectClass(), before.channels(), before.ownerOrgs(),
                before.countyOwners(), false, before.policyDocument());
        assertThatThrownBy(() -> Acting.as(Acting.actor("ycswgx", Role.ADMIN), () -> catalog.amendItem("cs-heritage", change)))
                .isInstanceOf(AccessDeniedProblem.class);
        assertThat(catalog.requireItem("cs-heritage").schedule().days()).isEqualTo(20);

        Acting.as(Acting.cityAdmin(), () -> catalog.amendItem("cs-heritage", change));
        assertThat(catalog.requireItem("cs-heritage").schedule().days()).isEqualTo(15);
        var entries = Acting.as(Acting.cityAdmin(), () -> audit
                .search(new AuditTrail.Query(null, "catalog-item", "cs-heritage", null, null), 0).getContent());
        assertThat(entries).anyMatch(e -> e.detail().contains("公开时限：event:20 → event:15"));
    }

    @Test
    void badAmendmentsNameTheFieldAndChangeNothing() {
        CatalogItem before = catalog.requireItem("ed-dropout");
        ItemAmendment bad = new ItemAmendment(before.name(), before.audience(), "weekly:3", "", "", "不存在的分类",
                List.of(), List.of("no-such-org"), false, false, false);
        assertThatThrownBy(() -> Acting.as(Acting.cityAdmin(), () -> catalog.amendItem("ed-dropout", bad)))
                .isInstanceOfSatisfying(InvalidInputProblem.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputProblem.FieldError::field)
                        .containsExactlyInAnyOrder("schedule", "subjectClass", "ownerOrgs"));
        assertThat(catalog.requireItem("ed-dropout")).isEqualTo(before);
    }

    @Test
    void aFieldCanBeAddedToAnItemsSchema() {
        Acting.as(Acting.cityAdmin(), () -> catalog.amendField("cs-facilities",
                new FieldAmendment("无障碍设施", FieldType.CHOICE, false, false, List.of("有", "无"), null)));
        CatalogItem item = catalog.requireItem("cs-facilities");
        assertThat(item.fields()).last().satisfies(f -> {
            assertThat(f.name()).isEqualTo("无障碍设施");
            assertThat(f.choices()).containsExactly("有", "无");
        });
        assertThatThrownBy(() -> Acting.as(Acting.cityAdmin(), () -> catalog.amendField("cs-facilities",
                new FieldAmendment("类别2", FieldType.CHOICE, false, false, List.of("只有一个"), null))))
                .isInstanceOf(InvalidInputProblem.class);
    }
}
