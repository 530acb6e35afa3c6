package gongkai.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.validation.Validator;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gongkai.org.Organisation;
import gongkai.org.Organisations;
import gongkai.reporting.internal.GuideVersionEntity;
import gongkai.reporting.internal.GuideVersionRepository;
import gongkai.reporting.internal.GuideWriter;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.AuditedChange;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.NotFoundProblem;
import gongkai.shared.PlatformConfiguration;
import gongkai.shared.Role;

/**
 * Each body's 政府信息公开指南 (条例 第十二条): generated from its data until its admin edits the narrative, each save a
 * new version kept for good. The handling office's contacts are never part of a version: every guide shows them as
 * the organisation has them now.
 */
@Service
@Transactional(readOnly = true)
public class Guides {

    /** Markup is refused rather than shown: the sections are plain text. */
    private static final Pattern MARKUP = Pattern.compile("<\\s*/?\\s*[A-Za-z!][^>]*>|&[A-Za-z#][A-Za-z0-9]*;");

    private final Organisations organisations;
    private final GuideWriter writer;
    private final GuideVersionRepository versions;
    private final ApplicationEventPublisher events;
    private final Validator validator;
    private final Clock clock;

    Guides(Organisations organisations, GuideWriter writer, GuideVersionRepository versions,
            ApplicationEventPublisher events, Validator validator, Clock clock) {
        this.organisations = organisations;
        this.writer = writer;
        this.versions = versions;
        this.events = events;
        this.validator = validator;
        this.clock = clock;
    }

    /** The name of the body's guide, wherever it is linked: 宜春市民政局政府信息公开指南. */
    public static String titleOf(Organisation org) {
        return org.name() + org.disclosureName() + "指南";
    }

    /** The body's guide as the public reads it: its latest version, or the generated text while nobody edited it. */
    public Guide guide(String orgCode) {
        Organisation org = organisations.get(orgCode);
        return versions.findTopByOrgCodeOrderByVersionNoDesc(orgCode).map(v -> assemble(org, v))
                .orElseGet(() -> assemble(org, writer.generated(org), 1, true, organisations.updatedOn(orgCode)));
    }

    /** An earlier version, for staff; the contacts are today's. */
    public Guide version(String orgCode, int version) {
        Organisation org = organisations.get(orgCode);
        return versions.findByOrgCodeAndVersionNo(orgCode, version).map(v -> assemble(org, v))
                .orElseThrow(() -> new NotFoundProblem(org.name() + "的政府信息公开指南没有第" + version + "版。"));
    }

    /** Every saved version, newest first; empty while the guide is generated. */
    public List<GuideVersion> versions(String orgCode) {
        organisations.get(orgCode);
        return versions.findByOrgCodeOrderByVersionNoDesc(orgCode).stream().map(GuideVersionEntity::toVersion)
                .toList();
    }

    /**
     * Why the actor may not edit the body's guide, or empty when they may: the body's own ADMIN, or the city office's.
     * The edit page asks it before offering the form; {@link #save} refuses with it.
     */
    public Optional<String> editRefusal(Actor actor, String orgCode) {
        if (!actor.has(Role.ADMIN)) {
            return Optional.of("只有管理员可以修改政府信息公开指南。");
        }
        if (!actor.canActFor(orgCode)) {
            return Optional.of("您只能修改本单位的政府信息公开指南。");
        }
        return Optional.empty();
    }

    /**
     * Saves the narrative as the next version and writes the change to the audit trail. The first save also keeps the
     * generated text it replaces, as version 1. Saving the text unchanged adds no version.
     *
     * @throws InvalidInputProblem naming each empty, over-long or marked-up section; nothing is saved
     */
    @Transactional
    public Guide save(String orgCode, GuideText text) {
        Actor actor = Actor.require();
        Organisation org = organisations.get(orgCode);
        editRefusal(actor, orgCode).ifPresent(reason -> {
            throw new AccessDeniedProblem(reason);
        });
        GuideText clean = validate(text);
        Instant now = Instant.now(clock);
        Optional<GuideVersionEntity> latest = versions.findTopByOrgCodeOrderByVersionNoDesc(orgCode);
        GuideText before = latest.map(GuideVersionEntity::text).orElseGet(() -> writer.generated(org));
        if (before.equals(clean)) {
            return guide(orgCode);
        }
        int next = latest.map(GuideVersionEntity::getVersionNo).orElseGet(() -> {
            versions.save(new GuideVersionEntity(orgCode, 1, before, null, now));
            return 1;
        }) + 1;
        versions.save(new GuideVersionEntity(orgCode, next, clean, actor.username(), now));
        events.publishEvent(new AuditedChange("guide.save", "disclosure-guide", orgCode,
                "政府信息公开指南第" + next + "版：修改了" + String.join("、", changed(before, clean))));
        return guide(orgCode);
    }

    private GuideText validate(GuideText text) {
        List<InvalidInputProblem.FieldError> errors = new ArrayList<>();
        validator.validate(text).forEach(v -> errors.add(
                new InvalidInputProblem.FieldError(v.getPropertyPath().toString(), v.getMessage())));
        GuideText stripped = new GuideText(strip(text.classification()), strip(text.proactive()),
                strip(text.requests()));
        writer.sections(stripped).stream().filter(s -> MARKUP.matcher(s.text()).find()).forEach(s -> errors.add(
                new InvalidInputProblem.FieldError(s.key(), "“" + title(s) + "”请填写纯文字，段落之间空一行，不能使用HTML标记。")));
        if (!errors.isEmpty()) {
            // The fields in the order of the form.
            List<String> order = List.of("classification", "proactive", "requests");
            errors.sort(java.util.Comparator.comparingInt(e -> order.indexOf(e.field())));
            throw new InvalidInputProblem(errors);
        }
        return stripped;
    }

    private List<String> changed(GuideText before, GuideText after) {
        List<Guide.Section> b = writer.sections(before);
        List<Guide.Section> a = writer.sections(after);
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).text().equals(b.get(i).text())) {
                titles.add("“" + title(a.get(i)) + "”");
            }
        }
        return titles;
    }

    private Guide assemble(Organisation org, GuideVersionEntity v) {
        return assemble(org, v.text(), v.getVersionNo(), false,
                v.getSavedAt().atZone(PlatformConfiguration.CHINA).toLocalDate());
    }

    private Guide assemble(Organisation org, GuideText text, int version, boolean generated, LocalDate updatedOn) {
        Organisation.Office o = org.office();
        Guide.Contacts contacts = new Guide.Contacts(orNull(o.name()), orNull(o.address()), orNull(o.hours()),
                orNull(o.phone()), orNull(o.fax()), orNull(o.postcode()), orNull(o.email()), o.missing());
        return new Guide(org.code(), org.name(), titleOf(org), org.demo() || org.contactsDemo(),
                writer.sections(text), writer.procedure(org), writer.fees(org), contacts, writer.remedies(org), version,
                generated, updatedOn);
    }

    /** A section's title without its number: 一、信息的分类与编排 → 信息的分类与编排. */
    private static String title(Guide.Section s) {
        return s.title().substring(s.title().indexOf('、') + 1);
    }

    private static String orNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Trailing spaces off each line, line ends as \n, the text stripped; paragraphs stay as written. */
    private static String strip(String s) {
        return s == null ? "" : s.replace("\r\n", "\n").replace('\r', '\n').replaceAll("[ \\t\\u3000]+\\n", "\n")
                .strip();
    }
}
