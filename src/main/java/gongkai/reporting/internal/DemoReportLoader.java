package gongkai.reporting.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import gongkai.publishing.Decision;
import gongkai.publishing.DemoBackdating;
import gongkai.publishing.Publishing;
import gongkai.reporting.AnnualReports;
import gongkai.reporting.ReportEntry;
import gongkai.shared.Actor;
import gongkai.shared.GongkaiProperties;
import gongkai.shared.Role;

/**
 * With the demo profile, writes and publishes the reports for the year before the current one of two bodies (a
 * city department's own report and a county government's level report), through the
 * same form rules and three-step review as a clerk would, marked 示例数据.
 */
@Component
@Order(230)
class DemoReportLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoReportLoader.class);
    static final Map<String, String> BODIES = Map.of("ycsmzj", "民政", "yzqzf", "袁州区");

    private final GongkaiProperties properties;
    private final AnnualReports reports;
    private final ReportWork work;
    private final Publishing publishing;
    private final DemoBackdating backdating;
    private final AnnualReportRepository stored;
    private final Clock clock;

    DemoReportLoader(GongkaiProperties properties, AnnualReports reports, ReportWork work, Publishing publishing,
            DemoBackdating backdating, AnnualReportRepository stored, Clock clock) {
        this.backdating = backdating;
        this.properties = properties;
        this.reports = reports;
        this.work = work;
        this.publishing = publishing;
        this.stored = stored;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        int year = LocalDate.now(clock).getYear() - 1;
        if (!properties.demo() || stored.count() > 0) {
            return;
        }
        // Published as the regulation asks, by 31 January of the year after: on the 20th, at 10:00.
        java.time.Instant at = LocalDate.of(year + 1, 1, 20).atTime(10, 0)
                .atZone(gongkai.shared.PlatformConfiguration.CHINA).toInstant();
        for (String org : BODIES.keySet().stream().sorted().toList()) {
            Actor editor = new Actor("示例信息员", org, EnumSet.of(Role.EDITOR), false);
            String ref = Actor.callAs(editor, () -> backdating.at(at.minusSeconds(7200), () -> {
                reports.save(org, year, entry(org), editor);
                work.markDemo(org, year);
                return reports.submit(org, year, editor);
            }));
            Actor.callAs(new Actor("示例审核员", org, EnumSet.of(Role.REVIEWER), false), () -> backdating.at(
                    at.minusSeconds(3600), () -> {
                        publishing.review(ref, Decision.PASS, "示例数据：审核通过");
                        return null;
                    }));
            Actor.callAs(new Actor("示例审批人", org, EnumSet.of(Role.APPROVER), false), () -> backdating.at(at, () -> {
                publishing.approve(ref, Decision.PASS, "示例数据：同意发布", null, null);
                return null;
            }));
        }
        log.info("Demo: {} fictitious annual reports for {} published (示例数据)", BODIES.size(), year);
    }

    private static ReportEntry entry(String org) {
        String who = org.equals("yzqzf") ? "本区" : "本局";
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("OVERVIEW", "示例数据：" + who + "坚持以公开为常态、不公开为例外，围绕社会公益事业建设领域的重点工作推进政府信息公开。\n\n"
                + "主动公开方面，按照公开目录及时发布政策文件、资金分配和项目实施等信息，重要政策同步发布解读。"
                + "依申请公开方面，规范受理、办理和答复流程，按期答复。平台建设方面，依托本平台集中发布，信息可检索、可核查、可利用。"
                + "监督保障方面，明确分管领导和信息公开联络员，把公开工作纳入年度考核。");
        sections.put("PROBLEMS", "示例数据：部分栏目更新不够及时，政策解读形式较为单一。下一步将按月检查栏目更新情况，"
                + "增加图解、问答等解读形式。");
        sections.put("OTHER", "示例数据：无其他需要报告的事项。");
        if (org.equals("yzqzf")) {
            sections.put("ACCOUNTABILITY", "示例数据：本年度未发生因政府信息公开工作被追究责任的情况。");
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        boolean county = org.equals("yzqzf");
        figures.put("LICENSING", county ? "1286" : "342");
        figures.put("PUNISHMENT", county ? "57" : "3");
        figures.put("COERCION", county ? "4" : "0");
        figures.put("FEES", county ? "18.6500" : "0");
        String source = "示例数据：" + (county ? "区行政审批局、区司法局汇总" : "本局业务系统统计");
        for (String k : figures.keySet()) {
            sources.put(k, source);
        }
        Map<String, Map<String, Object>> appeals = new LinkedHashMap<>();
        appeals.put("REVIEW", Map.of("UPHELD", county ? "2" : "1", "CORRECTED", "0", "OTHER", "0", "PENDING", "0"));
        return new ReportEntry(sections, figures, sources, appeals);
    }
}
