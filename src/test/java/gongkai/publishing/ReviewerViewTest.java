package gongkai.publishing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import gongkai.shared.Actor;
import gongkai.shared.Role;
import gongkai.support.Acting;
import gongkai.support.PlatformTest;

import static gongkai.support.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The reviewer's and approver's record page (issue 19): the reason of an earlier sending back on top, the content
 * and its attachments as the public will see them, and the decision below what is decided on.
 */
@PlatformTest
class ReviewerViewTest extends PublishingFixture {

    private static final String ORG = "ycswjw";

    @Test
    void aReviewerSeesTheEarlierRejectionTheAttachmentAndDecidesBelowTheContent() throws Exception {
        String editorName = Acting.newUser(accounts, ORG, Role.EDITOR);
        String reviewerName = Acting.newUser(accounts, ORG, Role.REVIEWER);
        Actor editor = actorOf(editorName);
        Actor reviewer = actorOf(reviewerName);
        String ref = as(editor, () -> drafting.create(new RecordInput("he-campaign", ORG, "360900", "健康宣传周（审核视图）",
                "", null, LocalDate.of(2026, 11, 2), "<p>活动安排如下，详见附件。</p>", List.of("健康中国行"), null, null,
                null, null, null, null, null)));
        Attachment photo = as(editor, () -> drafting.addAttachment(ref, "活动海报.png",
                new ByteArrayInputStream(png()), "宣传周活动海报"));
        as(editor, () -> publishing.submit(ref));

        String before = page(ref, reviewerName);
        assertThat(before).doesNotContain("id=\"rejection\"");

        as(reviewer, () -> publishing.review(ref, Decision.REJECT, "请补充活动地点"));
        as(editor, () -> publishing.submit(ref));
        String after = page(ref, reviewerName);

        String link = "/admin/records/" + ref + "/attachments/" + photo.sha256();
        assertThat(after).contains("审核退回理由").contains("请补充活动地点").contains(link).contains(">活动海报.png</a>");
        int banner = after.indexOf("id=\"rejection\"");
        int content = after.indexOf("活动安排如下，详见附件。");
        int attachment = after.indexOf(link);
        int decision = after.indexOf("审核通过</button>");
        assertThat(banner).isPositive().isLessThan(after.indexOf("id=\"content-h\""));
        assertThat(decision).as("the decision comes after the content and its attachments")
                .isGreaterThan(content).isGreaterThan(attachment);

        byte[] downloaded = mvc.perform(get(link).with(page(reviewerName))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(downloaded).isEqualTo(png());
        mvc.perform(get("/admin/records/" + ref + "/attachments/" + "0".repeat(64)).with(page(reviewerName)))
                .andExpect(status().isNotFound());
        String stranger = Acting.newUser(accounts, "ycsmzj", Role.REVIEWER);
        assertThat(mvc.perform(get(link).with(page(stranger))).andReturn().getResponse().getStatus())
                .as("another body's reviewer does not get the draft's attachment").isNotEqualTo(200);

        // Once published, the old rejection is history, not a banner.
        as(reviewer, () -> publishing.review(ref, Decision.PASS, ""));
        String indexNo = as(Acting.actor(ORG, Role.APPROVER), () -> publishing.approve(ref, Decision.PASS, "", null, null)).ref();
        RecordView published = as(reviewer, () -> records.workingCopy(indexNo));
        assertThat(published.lastRejection()).isNull();
    }

    private Actor actorOf(String username) {
        return ((Actor.ActorHolder) principals.loadUserByUsername(username)).actor();
    }

    private String page(String ref, String username) throws Exception {
        return mvc.perform(get("/admin/records/" + ref).with(page(username))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private static byte[] png() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(new BufferedImage(3, 5, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
