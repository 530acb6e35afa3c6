package gongkai.reporting.internal;

import java.util.ArrayList;
import java.util.List;

import gongkai.reporting.AnnualReportContent;
import gongkai.reporting.ReportTable;
import gongkai.requests.AnnualRequestTable;

/**
 * The consistency rules of the national format, checked on the assembled content before it goes to review (and by
 * the tests on every generated year): in table 三 each 总计 is the sum of the applicant columns, （七）总计 the sum of the
 * outcome rows and 一 + 二 = （七）总计 + 四 in every column; in table 四 each 总计 the sum of its four results; no figure
 * below zero. Each broken rule is named with the figures that break it.
 */
final class ReportConsistency {

    private ReportConsistency() {
    }

    static List<String> violations(AnnualReportContent c) {
        List<String> out = new ArrayList<>();
        requests(c.requests(), out);
        appeals(c.appeals(), out);
        for (ReportTable t : List.of(c.proactive(), c.requests(), c.appeals())) {
            for (ReportTable.Row r : t.rows()) {
                r.values().forEach((col, v) -> {
                    if (v instanceof Number n && n.doubleValue() < 0
                            || v instanceof String s && s.startsWith("-")) {
                        out.add(t.title() + "：“" + r.label() + "”的数字不能小于0（" + v + "）。");
                    }
                });
            }
        }
        return out;
    }

    private static void requests(ReportTable t, List<String> out) {
        List<ReportTable.Row> rows = t.rows();
        String total = AnnualRequestTable.Column.TOTAL.name();
        for (ReportTable.Row r : rows) {
            int sum = 0;
            for (ReportTable.Column col : t.columns()) {
                if (!col.code().equals(total)) {
                    sum += t.count(r.code(), col.code());
                }
            }
            if (sum != t.count(r.code(), total)) {
                out.add("表三勾稽关系不符：“" + r.label() + "”的总计（" + t.count(r.code(), total) + "）应等于各类申请人之和（" + sum + "）。");
            }
        }
        for (ReportTable.Column col : t.columns()) {
            int outcomes = 0;
            for (int i = 2; i < rows.size() - 2; i++) {
                outcomes += t.count(rows.get(i).code(), col.code());
            }
            int seven = t.count(AnnualRequestTable.TOTAL, col.code());
            if (outcomes != seven) {
                out.add("表三勾稽关系不符：" + col.label() + "列的（七）总计（" + seven + "）应等于各项办理结果之和（" + outcomes + "）。");
            }
            int one = t.count(AnnualRequestTable.NEW, col.code());
            int two = t.count(AnnualRequestTable.CARRIED_OVER, col.code());
            int four = t.count(AnnualRequestTable.CARRIED_FORWARD, col.code());
            if (one + two != seven + four) {
                out.add("表三勾稽关系不符：" + col.label() + "列第一项加第二项之和（" + (one + two) + "）应等于第三项（七）总计加第四项之和（"
                        + (seven + four) + "）。");
            }
        }
    }

    private static void appeals(ReportTable t, List<String> out) {
        for (ReportTable.Row r : t.rows()) {
            int sum = 0;
            for (String result : AppealGroup.RESULTS) {
                if (!result.equals("TOTAL")) {
                    sum += t.count(r.code(), result);
                }
            }
            if (sum != t.count(r.code(), "TOTAL")) {
                out.add("表四勾稽关系不符：" + r.label() + "的总计（" + t.count(r.code(), "TOTAL")
                        + "）应等于结果维持、结果纠正、其他结果、尚未审结之和（" + sum + "）。");
            }
        }
    }
}
