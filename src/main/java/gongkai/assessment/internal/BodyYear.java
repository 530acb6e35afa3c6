package gongkai.assessment.internal;

import java.time.LocalDate;
import java.util.List;

import gongkai.assessment.Obligation;
import gongkai.assessment.SupervisionFinding;
import gongkai.org.Organisation;
import gongkai.publishing.PolicyPublication;
import gongkai.requests.RequestFigures;

/**
 * Everything one body's assessment for a year is computed from, gathered once so the rules ({@link Scoring}) are
 * plain arithmetic over it.
 *
 * @param interpretationDeadlines for each policy, the last day its interpretation counts as published with it
 * @param policyNames   {@code 索引号 名称} of the policies the basis names (those not interpreted in time)
 * @param website       the self-inspection of the body's catalogue columns and pages
 */
public record BodyYear(Organisation org, int year, LocalDate asOf, List<Obligation> obligations,
        List<PolicyPublication> policies, List<LocalDate> interpretationDeadlines, java.util.Map<Long, String> policyNames,
        RequestFigures requests, List<SupervisionFinding> findings, gongkai.shared.ComplaintFigures.Figures complaints,
        WebsiteInspection website) {

    /**
     * @param emptyItems  catalogue columns of the body with nothing published (空白栏目)
     * @param staleItems  columns not updated for longer than their schedule allows (栏目长期未更新)
     * @param brokenLinks links on the body's pages that do not open (不能正常访问的链接)
     * @param linksCheckedOn when its pages' links were last checked; null if never
     */
    public record WebsiteInspection(List<String> emptyItems, List<String> staleItems, List<String> brokenLinks,
            LocalDate linksCheckedOn) {
    }
}
