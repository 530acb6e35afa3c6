package gongkai.reporting;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The narrative sections of a 政府信息公开指南 as a body's admin writes them: plain Chinese text, a blank line between
 * paragraphs, no markup. The procedure, fees, contacts and remedies are not written here: the guide states them from
 * the law, the settings and the organisation.
 */
public record GuideText(
        @NotBlank(message = "“信息的分类与编排”不能为空。")
        @Size(max = GuideText.MAX_LENGTH, message = "“信息的分类与编排”不能超过" + GuideText.MAX_LENGTH + "个字。")
        String classification,
        @NotBlank(message = "“主动公开信息的获取方式”不能为空。")
        @Size(max = GuideText.MAX_LENGTH, message = "“主动公开信息的获取方式”不能超过" + GuideText.MAX_LENGTH + "个字。")
        String proactive,
        @NotBlank(message = "“依申请公开”不能为空。")
        @Size(max = GuideText.MAX_LENGTH, message = "“依申请公开”不能超过" + GuideText.MAX_LENGTH + "个字。")
        String requests) {

    public static final int MAX_LENGTH = 5000;
}
