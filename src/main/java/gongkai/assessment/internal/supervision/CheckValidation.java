package gongkai.assessment.internal.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import gongkai.assessment.CheckScope;
import gongkai.assessment.NewCheck;
import gongkai.catalog.Catalog;
import gongkai.org.Organisations;
import gongkai.publishing.Records;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.InvalidInputProblem.FieldError;

/**
 * Every rule a new check must meet, all problems at once and each naming its field ({@code findings[0].deadline}),
 * so that the auditor corrects the form in one go. Nothing is stored while any is broken.
 */
@Component
public class CheckValidation {

    static final int MAX_PROBLEM = 2000;
    static final int MAX_FINDINGS = 200;

    private final Organisations organisations;
    private final Catalog catalog;
    private final Records records;

    CheckValidation(Organisations organisations, Catalog catalog, Records records) {
        this.organisations = organisations;
        this.catalog = catalog;
        this.records = records;
    }

    /** @throws InvalidInputProblem listing every broken rule */
    public void require(NewCheck check, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        String org = blankToNull(check.org());
        if (org == null) {
            errors.add(new FieldError("org", "请选择被督查的机构。"));
        } else if (!organisations.exists(org)) {
            errors.add(new FieldError("org", "机构代码“" + org + "”不存在。"));
        }
        LocalDate checkedOn = check.checkedOn();
        if (checkedOn == null) {
            errors.add(new FieldError("checkedOn", "请填写督查日期。"));
        } else if (checkedOn.isAfter(today)) {
            errors.add(new FieldError("checkedOn", "督查日期不能晚于今天（" + today + "）。"));
        }
        if (check.scope().isEmpty()) {
            errors.add(new FieldError("scope", "请选择督查范围：内容、渠道、时效中至少一项。"));
        }
        for (int i = 0; i < check.scope().size(); i++) {
            String code = check.scope().get(i);
            if (CheckScope.parse(code).isEmpty()) {
                errors.add(new FieldError("scope[" + i + "]", "督查范围“" + code
                        + "”无效，应为 CONTENT（内容）、CHANNELS（渠道）或 TIMELINESS（时效）。"));
            }
        }
        if (check.findings().size() > MAX_FINDINGS) {
            errors.add(new FieldError("findings", "一次督查最多记录" + MAX_FINDINGS + "个问题。"));
        }
        for (int i = 0; i < check.findings().size(); i++) {
            NewCheck.Finding f = check.findings().get(i);
            String at = "findings[" + i + "].";
            if (f == null) {
                errors.add(new FieldError("findings[" + i + "]", "第" + (i + 1) + "个问题为空。"));
                continue;
            }
            String n = "第" + (i + 1) + "个问题";
            if (blankToNull(f.problem()) == null) {
                errors.add(new FieldError(at + "problem", n + "：请写明发现的问题。"));
            } else if (f.problem().strip().length() > MAX_PROBLEM) {
                errors.add(new FieldError(at + "problem", n + "：问题描述不能超过" + MAX_PROBLEM + "个字。"));
            }
            String item = blankToNull(f.item());
            if (item != null && catalog.item(item).isEmpty()) {
                errors.add(new FieldError(at + "item", n + "：目录事项“" + item + "”不存在。"));
            }
            String record = blankToNull(f.record());
            if (record != null) {
                Optional<String> owner = records.organisationOf(record);
                if (owner.isEmpty()) {
                    errors.add(new FieldError(at + "record", n + "：没有索引号为“" + record + "”的政府信息。"));
                } else if (org != null && !owner.get().equals(org)) {
                    errors.add(new FieldError(at + "record", n + "：索引号为“" + record + "”的信息不属于被督查的机构。"));
                }
            }
            if (f.deadline() == null) {
                errors.add(new FieldError(at + "deadline", n + "：请填写整改期限。"));
            } else if (checkedOn != null && !f.deadline().isAfter(checkedOn)) {
                errors.add(new FieldError(at + "deadline", n + "：整改期限应晚于督查日期（" + checkedOn + "）。"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
