package gongkai.reporting.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import gongkai.reporting.EnteredFigure;
import gongkai.reporting.ReportEntry;
import gongkai.reporting.ReportSection;
import gongkai.shared.InvalidInputProblem;
import gongkai.shared.InvalidInputProblem.FieldError;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules for what staff enter, one place for the form and the API: known parts only, texts within bounds, counts
 * as whole numbers, 万元 to four places (one yuan), and for the cases of table 四 the format's rule that each 总计 is
 * the sum of 结果维持、结果纠正、其他结果、尚未审结. Everything wrong is named at once and nothing is changed.
 */
@Component
class EntryRules {

    static final int MAX_SOURCE = 200;
    static final int MAX_COUNT = 10_000_000;
    static final BigDecimal MAX_FEES_WAN = new BigDecimal("100000000");

    private final JsonMapper json;

    EntryRules(JsonMapper json) {
        this.json = json;
    }

    ParsedEntry parse(ReportEntry in, boolean levelReport) {
        List<FieldError> errors = new ArrayList<>();
        Map<ReportSection, String> sections = new EnumMap<>(ReportSection.class);
        in.sections().forEach((key, text) -> {
            ReportSection s = known(ReportSection.class, key);
            String field = "sections." + key;
            if (s == null) {
                errors.add(new FieldError(field, "年报没有名为“" + key + "”的部分，可填写 OVERVIEW（一、总体情况）、PROBLEMS（五、存在的主要问题及改进情况）、OTHER（六、其他需要报告的事项）"
                        + (levelReport ? "、ACCOUNTABILITY（社会评议和责任追究情况）" : "") + "。"));
            } else if (s == ReportSection.ACCOUNTABILITY && !levelReport) {
                errors.add(new FieldError(field, "社会评议和责任追究情况只在本级政府年报中填写。"));
            } else if (text != null && text.strip().length() > ReportSection.MAX_LENGTH) {
                errors.add(new FieldError(field, s.heading() + "不能超过" + ReportSection.MAX_LENGTH + "个字。"));
            } else {
                sections.put(s, text == null ? "" : text.strip());
            }
        });
        Map<EnteredFigure, BigDecimal> figures = new LinkedHashMap<>();
        in.proactiveEntered().forEach((key, value) -> {
            EnteredFigure f = known(EnteredFigure.class, key);
            String field = "proactiveEntered." + key;
            if (f == null) {
                errors.add(new FieldError(field, "表二没有名为“" + key + "”的填报项，可填写 LICENSING（行政许可）、PUNISHMENT（行政处罚）、COERCION（行政强制）、FEES（行政事业性收费，万元）。"));
                return;
            }
            String text = value == null ? "" : String.valueOf(value).strip();
            if (text.isEmpty()) {
                figures.put(f, null);
                return;
            }
            BigDecimal n = number(text);
            if (f.amount()) {
                if (n == null || n.signum() < 0 || n.stripTrailingZeros().scale() > 4 || n.compareTo(MAX_FEES_WAN) >= 0) {
                    errors.add(new FieldError(field, f.label() + "的收费金额以万元为单位，应为不小于0、最多四位小数的数字（如 12.3456），而不是“" + text + "”。"));
                } else {
                    figures.put(f, n.setScale(4, java.math.RoundingMode.UNNECESSARY));
                }
            } else if (n == null || n.signum() < 0 || n.stripTrailingZeros().scale() > 0 || n.compareTo(BigDecimal.valueOf(MAX_COUNT)) > 0) {
                errors.add(new FieldError(field, f.label() + "的本年处理决定数量应为不小于0的整数，而不是“" + text + "”。"));
            } else {
                figures.put(f, new BigDecimal(n.toBigInteger()));
            }
        });
        Map<EnteredFigure, String> sources = new EnumMap<>(EnteredFigure.class);
        in.proactiveSources().forEach((key, value) -> {
            EnteredFigure f = known(EnteredFigure.class, key);
            String field = "proactiveSources." + key;
            String text = value == null ? "" : value.strip();
            if (f == null) {
                errors.add(new FieldError(field, "表二没有名为“" + key + "”的填报项，无法记录其数据来源。"));
            } else if (text.length() > MAX_SOURCE) {
                errors.add(new FieldError(field, f.label() + "的数据来源不能超过" + MAX_SOURCE + "个字。"));
            } else {
                sources.put(f, text);
            }
        });
        String appealsJson = null;
        if (!in.appeals().isEmpty()) {
            Map<String, Map<String, Integer>> appeals = new LinkedHashMap<>();
            in.appeals().forEach((groupKey, results) -> {
                AppealGroup g = known(AppealGroup.class, groupKey);
                if (g == null) {
                    errors.add(new FieldError("appeals." + groupKey, "表四没有名为“" + groupKey + "”的一组，可填写 REVIEW（行政复议）、LITIGATION_DIRECT（未经复议直接起诉）、LITIGATION_AFTER_REVIEW（复议后起诉）。"));
                    return;
                }
                Map<String, Integer> counts = appealGroup(g, results == null ? Map.of() : results, errors);
                if (counts != null) {
                    appeals.put(g.name(), counts);
                }
            });
            appealsJson = json.writeValueAsString(appeals);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputProblem(errors);
        }
        return new ParsedEntry(sections, figures, sources, appealsJson);
    }

    /** One group's counts; the stated TOTAL, if any, must be the sum — the format's rule, named in the message. */
    private static Map<String, Integer> appealGroup(AppealGroup g, Map<String, Object> given, List<FieldError> errors) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        int sum = 0;
        Integer stated = null;
        boolean ok = true;
        for (String key : given.keySet()) {
            if (java.util.Arrays.stream(AppealGroup.RESULTS).noneMatch(key::equals)) {
                errors.add(new FieldError("appeals." + g.name() + "." + key, g.label() + "没有名为“" + key + "”的结果，可填写 UPHELD、CORRECTED、OTHER、PENDING、TOTAL。"));
                ok = false;
            }
        }
        for (int i = 0; i < AppealGroup.RESULTS.length; i++) {
            String r = AppealGroup.RESULTS[i];
            Object v = given.get(r);
            String text = v == null ? "" : String.valueOf(v).strip();
            if (text.isEmpty()) {
                continue;
            }
            BigDecimal n = number(text);
            if (n == null || n.signum() < 0 || n.stripTrailingZeros().scale() > 0 || n.compareTo(BigDecimal.valueOf(MAX_COUNT)) > 0) {
                errors.add(new FieldError("appeals." + g.name() + "." + r, g.label() + "的“" + AppealGroup.RESULT_LABELS[i] + "”应为不小于0的整数，而不是“" + text + "”。"));
                ok = false;
                continue;
            }
            if (r.equals("TOTAL")) {
                stated = n.intValue();
            } else {
                counts.put(r, n.intValue());
                sum += n.intValue();
            }
        }
        if (ok && stated != null && stated != sum) {
            errors.add(new FieldError("appeals." + g.name() + ".TOTAL", "表四勾稽关系不符：" + g.label() + "的总计（" + stated
                    + "）应等于结果维持、结果纠正、其他结果、尚未审结之和（" + sum + "）。"));
            ok = false;
        }
        return ok ? counts : null;
    }

    Map<String, Map<String, Integer>> appeals(String stored) {
        return json.readValue(stored == null || stored.isBlank() ? "{}" : stored,
                new tools.jackson.core.type.TypeReference<Map<String, Map<String, Integer>>>() {
                });
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> E known(Class<E> type, String key) {
        if (key == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(key.strip().toUpperCase())) {
                return e;
            }
        }
        return null;
    }
}
