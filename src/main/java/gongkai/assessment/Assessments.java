package gongkai.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

import gongkai.assessment.internal.AssessmentInputs;
import gongkai.assessment.internal.AssessmentProperties;
import gongkai.assessment.internal.BodyYear;
import gongkai.assessment.internal.Scoring;
import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.AuditedChange;
import gongkai.shared.ConflictProblem;
import gongkai.shared.GongkaiProperties;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.InvalidInputProblem.FieldError;
import gongkai.shared.Role;

/**
 * 考核: the year's indicators and weights (set by the city office, audited), every body's score per indicator, total
 * and rank, as a draft the city office and auditors see, and as published: frozen at publication, at
 * {@code /assessment/{year}} and {@code GET /api/v1/assessment/{year}}.
 */
@Service
public class Assessments {

    private final AssessmentInputs inputs;
    private final AssessmentProperties properties;
    private final GongkaiProperties platform;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    Assessments(AssessmentInputs inputs, AssessmentProperties properties, GongkaiProperties platform,
            JdbcTemplate jdbc, JsonMapper json, ApplicationEventPublisher publisher, Clock clock) {
        this.inputs = inputs;
        this.properties = properties;
        this.platform = platform;
        this.jdbc = jdbc;
        this.json = json;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** The city office's ADMIN sets indicators and publishes. */
    public boolean mayManage(Actor actor) {
        return actor.has(Role.ADMIN) && platform.cityOffice().equals(actor.orgCode());
    }

    /** Drafts are for the city office and auditors. */
    public boolean maySeeDrafts(Actor actor) {
        return platform.cityOffice().equals(actor.orgCode()) || actor.has(Role.AUDITOR);
    }

    /** The year's indicators: as the city office set them, or the defaults until it does. */
    @Transactional(readOnly = true)
    public List<Indicator> indicators(int year, AssessmentGroup group) {
        List<Indicator> stored = jdbc.query(
                "SELECT code, name, weight FROM assessment_indicator WHERE assessed_year = ? AND grp = ? ORDER BY sort_order",
                (rs, i) -> new Indicator(rs.getString("code"), rs.getString("name"),
                        rs.getBigDecimal("weight").setScale(2)), year, group.name());
        if (!stored.isEmpty()) {
            return stored;
        }
        List<Indicator> defaults = new ArrayList<>();
        for (IndicatorKind k : IndicatorKind.values()) {
            defaults.add(new Indicator(k.name(), k.label(), k.defaultWeight().setScale(2)));
        }
        return defaults;
    }

    /**
     * Sets the year's indicators: every kind once, names of 2–50 characters, weights of 0–100 summing to exactly 100.
     * Refused once the year's assessment is published.
     */
    @Transactional
    public List<Indicator> configure(int year, AssessmentGroup group, List<Indicator> wanted, Actor actor) {
        if (!mayManage(actor)) {
            throw new AccessDeniedProblem("只有市政府办公室的管理员可以设置考核指标。");
        }
        List<FieldError> errors = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            Indicator in = wanted.get(i);
            String f = "indicators[" + i + "]";
            IndicatorKind kind = gongkai.shared.Codes.parse(IndicatorKind.class, in.code());
            if (kind == null) {
                errors.add(new FieldError(f + ".code", "没有“" + in.code() + "”这项指标。"));
            } else if (seen.contains(kind.name())) {
                errors.add(new FieldError(f + ".code", "指标“" + kind.label() + "”重复。"));
            } else {
                seen.add(kind.name());
            }
            String name = in.name() == null ? "" : in.name().strip();
            if (name.length() < 2 || name.length() > 50) {
                errors.add(new FieldError(f + ".name", "指标名称应为2至50个字。"));
            }
            if (in.weight() == null || in.weight().signum() < 0 || in.weight().compareTo(new BigDecimal("100")) > 0
                    || in.weight().scale() > 2) {
                errors.add(new FieldError(f + ".weight", "权重应为0至100之间、最多两位小数的数。"));
            } else {
                sum = sum.add(in.weight());
            }
        }
        if (errors.isEmpty() && sum.compareTo(new BigDecimal("100")) != 0) {
            errors.add(new FieldError("indicators", "各项指标权重之和应为100，现在是" + sum.stripTrailingZeros().toPlainString()
                    + "。"));
        }
        if (errors.isEmpty() && seen.size() != IndicatorKind.values().length) {
            errors.add(new FieldError("indicators", "每项指标都要列出（不计分的权重填0）。"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        if (published(year, group).isPresent()) {
            throw new ConflictProblem(year + "年的考核结果已经公布，指标不能再改。");
        }
        jdbc.update("DELETE FROM assessment_indicator WHERE assessed_year = ? AND grp = ?", year, group.name());
        StringBuilder detail = new StringBuilder(year + " " + group.name() + ":");
        for (int i = 0; i < wanted.size(); i++) {
            Indicator in = wanted.get(i);
            String code = in.code().strip().toUpperCase(java.util.Locale.ROOT);
            jdbc.update("INSERT INTO assessment_indicator (assessed_year, grp, code, name, weight, sort_order) VALUES (?,?,?,?,?,?)",
                    year, group.name(), code, in.name().strip(), in.weight(), i);
            detail.append(' ').append(code).append('=').append(in.weight().toPlainString());
        }
        publisher.publishEvent(new AuditedChange("assessment.indicators", "assessment", year + "/" + group.name(),
                detail.toString()));
        return indicators(year, group);
    }

    /** The year computed now from the data: the draft, whatever has been published. */
    @Transactional(readOnly = true)
    public AssessmentResult draft(int year, AssessmentGroup group) {
        List<Indicator> indicators = indicators(year, group);
        Scoring scoring = new Scoring(properties.rules());
        List<BodyScore> scores = new ArrayList<>();
        for (BodyYear y : inputs.of(year, group)) {
            Map<String, BigDecimal> parts = new LinkedHashMap<>();
            Map<String, BodyScore.Basis> basis = new LinkedHashMap<>();
            BigDecimal total = BigDecimal.ZERO;
            for (Indicator i : indicators) {
                Scoring.Part p = scoring.score(i.kind(), y);
                parts.put(i.code(), p.score());
                basis.put(i.code(), p.basis());
                total = total.add(p.score().multiply(i.weight()));
            }
            scores.add(new BodyScore(y.org().code(), y.org().name(),
                    total.divide(new BigDecimal("100"), 2, RoundingMode.HALF_UP), 0, parts, basis));
        }
        return new AssessmentResult(year, group.name(), group.title(), indicators, ranked(scores),
                LocalDate.now(clock), null);
    }

    /** Highest total first; equal totals share a rank and the next rank skips (1, 2, 2, 4). */
    static List<BodyScore> ranked(List<BodyScore> scores) {
        List<BodyScore> sorted = new ArrayList<>(scores);
        sorted.sort(Comparator.comparing(BodyScore::score).reversed());
        List<BodyScore> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            BodyScore s = sorted.get(i);
            int rank = i > 0 && sorted.get(i - 1).score().compareTo(s.score()) == 0 ? out.get(i - 1).rank() : i + 1;
            out.add(new BodyScore(s.org(), s.name(), s.score(), rank, s.parts(), s.basis()));
        }
        return out;
    }

    /** Publishes the year: the draft as it stands is kept as published, and the public reads it from now on. */
    @Transactional
    public AssessmentResult publish(int year, AssessmentGroup group, Actor actor) {
        if (!mayManage(actor)) {
            throw new AccessDeniedProblem("只有市政府办公室的管理员可以公布考核结果。");
        }
        if (year >= LocalDate.now(clock).getYear() + 1) {
            throw new InvalidInputProblem("year", "不能公布尚未开始的年度。");
        }
        if (published(year, group).isPresent()) {
            throw new ConflictProblem(year + "年的" + group.title() + "结果已经公布。");
        }
        AssessmentResult draft = draft(year, group);
        Instant now = Instant.now(clock);
        AssessmentResult result = new AssessmentResult(draft.year(), draft.group(), draft.title(),
                draft.indicators(), draft.orgs(), draft.asOf(), now);
        jdbc.update("INSERT INTO assessment_publication (assessed_year, grp, published_at, published_by, result_json) "
                + "VALUES (?,?,?,?,?)", year, group.name(), java.sql.Timestamp.from(now), actor.username(),
                json.writeValueAsString(result));
        publisher.publishEvent(new AuditedChange("assessment.publish", "assessment", year + "/" + group.name(),
                result.orgs().size() + " bodies"));
        return result;
    }

    /** The year as published, if it is. */
    @Transactional(readOnly = true)
    public Optional<AssessmentResult> published(int year, AssessmentGroup group) {
        return jdbc.query("SELECT result_json FROM assessment_publication WHERE assessed_year = ? AND grp = ?",
                (rs, i) -> json.readValue(rs.getString(1), AssessmentResult.class), year, group.name()).stream()
                .findFirst();
    }

    /** The years with a published result, newest first. */
    @Transactional(readOnly = true)
    public List<Integer> publishedYears() {
        return jdbc.queryForList("SELECT DISTINCT assessed_year FROM assessment_publication ORDER BY assessed_year DESC", Integer.class);
    }
}
