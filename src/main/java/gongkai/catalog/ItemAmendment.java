package gongkai.catalog;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What the city office's admin may change on a catalogue item. The code never changes. */
public record ItemAmendment(
        @NotBlank(message = "事项名称不能为空") @Size(max = 200, message = "事项名称不能超过200个字") String name,
        @NotNull(message = "请选择公开范围") Audience audience,
        @NotBlank(message = "请填写公开时限") String schedule,
        @Size(max = 2000, message = "公开内容要素不能超过2000个字") String content,
        @Size(max = 1000, message = "依据不能超过1000个字") String legalBasis,
        @NotBlank(message = "请选择主题分类") String subjectClass,
        List<String> channels,
        List<String> ownerOrgs,
        boolean countyOwners,
        boolean retired,
        boolean policyDocument) {

    public static ItemAmendment of(CatalogItem item) {
        return new ItemAmendment(item.name(), item.audience(), item.schedule().code(), item.content(),
                item.legalBasis(), item.subjectClass(), item.channels(), item.ownerOrgs(), item.countyOwners(),
                item.retired(), item.policyDocument());
    }
}
