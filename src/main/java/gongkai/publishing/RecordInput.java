package gongkai.publishing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonAlias;

/**
 * What an editor enters for a record (the body of {@code POST /api/v1/records}, the back office's form). Its shape
 * rules are these annotations, checked at every edge and again on entry by {@code EntryCheck}, which adds what only
 * other modules can tell. Missing optional metadata is completed from the catalogue item (subject class); the entry
 * standard is checked in full at submission.
 *
 * @param audience         {@code public} or {@code targeted}; defaults to the item's audience
 * @param targetGroup      for a targeted record, the group it is for (e.g. 建档立卡贫困户) besides its region
 * @param data             structured rows, field name → value, for items with a schema
 * @param interpretationOf the index number (or draft key) of the policy this record interprets
 * @param period           for an item with a schedule, the period the record covers ({@code 2026-10}, {@code 2026-Q3}
 *                         or {@code 2026}, as the schedule reports); required for those items, refused for others
 * @param documentCategory {@code REGULATION} 规章, {@code NORMATIVE} 行政规范性文件 or {@code OTHER} (blank: other);
 *                         规章 only from the city government ({@code documentKind} in API.md is accepted too)
 * @param validUntil       有效期至: the last day the document is in force by its own terms; not before
 *                         {@code writtenOn}
 */
public record RecordInput(
        @NotBlank(message = "请选择目录事项") String catalogItem,
        @NotBlank(message = "请填写发布机构") String org,
        @NotBlank(message = "请选择所属区划") String region,
        @NotBlank(message = "名称不能为空") @Size(max = 500, message = "名称不能超过500个字") String title,
        @Size(max = 2000, message = "内容概述不能超过2000个字") String summary,
        @Size(max = 100, message = "文号不能超过100个字") String documentNumber,
        @NotNull(message = "请填写成文日期") LocalDate writtenOn,
        @Size(max = 1000000, message = "正文过长") String body,
        List<String> keywords,
        @Pattern(regexp = "(?iU)\\s*(public|targeted)?\\s*",
                message = "公开范围只能是 public（面向社会）或 targeted（特定区域、特定群体）。") String audience,
        @Size(max = 200, message = "特定群体不能超过200个字") String targetGroup,
        String subjectClass,
        @Pattern(regexp = "(?iU)\\s*(proactive|on_request)?\\s*",
                message = "公开方式只能是 PROACTIVE（主动公开）或 ON_REQUEST（依申请公开）。") String disclosureMode,
        List<Map<String, String>> data,
        String interpretationOf,
        @Pattern(regexp = "(?iU)\\s*(text|graphic|qa)?\\s*", message = "解读形式只能是 TEXT、GRAPHIC 或 QA。")
        String interpretationKind,
        @Size(max = 20, message = "所属期间应写作 2026-10、2026-Q3 或 2026") String period,
        @JsonAlias("documentKind") @Pattern(regexp = "(?iU)\\s*(regulation|normative|other)?\\s*",
                message = "文件类别只能是 REGULATION（规章）、NORMATIVE（行政规范性文件）或 OTHER（其他文件）。")
        String documentCategory,
        LocalDate validUntil) {

    /** An input without a document category or a term of validity. */
    public RecordInput(String catalogItem, String org, String region, String title, String summary,
            String documentNumber, LocalDate writtenOn, String body, List<String> keywords, String audience,
            String targetGroup, String subjectClass, String disclosureMode, List<Map<String, String>> data,
            String interpretationOf, String interpretationKind, String period) {
        this(catalogItem, org, region, title, summary, documentNumber, writtenOn, body, keywords, audience,
                targetGroup, subjectClass, disclosureMode, data, interpretationOf, interpretationKind, period, null,
                null);
    }

    /** An input without a period, for items that have no schedule. */
    public RecordInput(String catalogItem, String org, String region, String title, String summary,
            String documentNumber, LocalDate writtenOn, String body, List<String> keywords, String audience,
            String targetGroup, String subjectClass, String disclosureMode, List<Map<String, String>> data,
            String interpretationOf, String interpretationKind) {
        this(catalogItem, org, region, title, summary, documentNumber, writtenOn, body, keywords, audience,
                targetGroup, subjectClass, disclosureMode, data, interpretationOf, interpretationKind, null);
    }
}
