package gongkai.environment.internal;

import java.io.ByteArrayInputStream;
import java.util.EnumSet;
import java.util.List;

import org.springframework.stereotype.Component;

import gongkai.publishing.Drafting;
import gongkai.publishing.Publishing;
import gongkai.publishing.RecordInput;
import gongkai.shared.Actor;
import gongkai.shared.Role;

/**
 * Writes a record the platform computed (an air ranking, a quarter's water, an EIA notice) as the office's editor
 * "平台自动生成" and submits it: the platform proposes, the office's reviewer and approver publish it like any record.
 * One place, so that every drafted record is written, signed and submitted the same way.
 */
@Component
public class PlatformDrafting {

    /** The name the drafts are written under, shown in their history. */
    public static final String AUTHOR = "平台自动生成";

    /** A file to attach, with the text that stands for it (an image's alternative text). */
    public record Attachment(String name, byte[] content, String altText) {
    }

    private final Drafting drafting;
    private final Publishing publishing;

    PlatformDrafting(Drafting drafting, Publishing publishing) {
        this.drafting = drafting;
        this.publishing = publishing;
    }

    /** Drafts the record for {@code office}, attaches the files, submits it; returns its draft key. */
    public String submit(String office, RecordInput input, boolean demo, List<Attachment> attachments) {
        Actor platform = new Actor(AUTHOR, office, EnumSet.of(Role.EDITOR), false);
        return Actor.callAs(platform, () -> {
            String ref = drafting.create(input, demo);
            for (Attachment a : attachments) {
                drafting.addAttachment(ref, a.name(), new ByteArrayInputStream(a.content()), a.altText());
            }
            publishing.submit(ref);
            return ref;
        });
    }
}
