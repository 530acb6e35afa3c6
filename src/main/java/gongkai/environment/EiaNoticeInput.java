package gongkai.environment;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What the office enters to post one notice of a case: its text and first day; for the 批后公告 also the decision and
 * its document number (审批文号). The comment period is the configured number of working days for the stage.
 *
 * @param decision {@code APPROVED} 批准 or {@code REFUSED} 不予批准; only for the 批后公告
 */
public record EiaNoticeInput(
        @NotBlank(message = "请填写公示内容") @Size(max = 10000, message = "公示内容不能超过10000个字") String text,
        @NotNull(message = "请填写公示开始日期") LocalDate startsOn,
        String decision,
        @Size(max = 100, message = "审批文号不能超过100个字") String approvalNo) {
}
