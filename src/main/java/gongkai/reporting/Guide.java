package gongkai.reporting;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * 政府信息公开指南 (条例 第十二条): one body's guide as its page and {@code GET /api/v1/orgs/{code}/guide} give it. The
 * narrative sections are generated from the body's data until its admin edits them; the request procedure, the fees
 * and the remedies follow the law and the platform's settings; the handling office's contacts always come from the
 * organisation as it is now.
 *
 * @param org       the organisation's code
 * @param demo      the organisation or its contacts are fictitious demo data (示例数据)
 * @param sections  the narrative sections, in order
 * @param procedure how a request is handled, step by step with the statutory periods; null for a public institution
 *                  or social organisation, to which the 条例's request procedure does not apply
 * @param fees      when a fee is charged (国办函〔2020〕109号); null where {@code procedure} is
 * @param contacts  the handling office (受理机构)
 * @param remedies  how to complain or appeal, in order
 * @param version   the version of the sections: 1 is the generated text, each save by the body's admin adds one
 * @param generated nobody has edited the sections: they follow the organisation's data and the catalogue
 * @param updatedOn the day of the latest version, or while generated the day the organisation's data last changed
 */
public record Guide(String org, String orgName, String title, boolean demo, List<Section> sections,
        Procedure procedure, String fees, Contacts contacts, List<Remedy> remedies, int version, boolean generated,
        LocalDate updatedOn) {

    public Guide {
        sections = List.copyOf(sections);
        remedies = List.copyOf(remedies);
    }

    /**
     * A narrative section.
     *
     * @param key   {@code classification}, {@code proactive} or {@code requests}
     * @param text  plain text: a blank line between paragraphs
     */
    public record Section(String key, String title, String text) {

        /** The paragraphs of the text, as the page shows them. */
        public List<String> paragraphs() {
            return paragraphs(text);
        }

        static List<String> paragraphs(String text) {
            return Arrays.stream(text.strip().split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty())
                    .toList();
        }
    }

    /**
     * 依申请公开的办理流程: the steps as the flow chart shows them.
     *
     * @param answerWorkingDays     working days to answer, from the day of receipt (条例 第三十三条)
     * @param extensionWorkingDays  the most the period can be extended by
     * @param correctionWorkingDays working days to ask, once, for a correction (补正, 条例 第三十条)
     */
    public record Procedure(List<Step> steps, int answerWorkingDays, int extensionWorkingDays,
            int correctionWorkingDays) {

        public Procedure {
            steps = List.copyOf(steps);
        }
    }

    /**
     * One step of the procedure.
     *
     * @param branch what may happen beside the main path at this step (补正, 延期), or null
     */
    public record Step(String name, String text, String branch) {
    }

    /**
     * 受理机构 and how to reach it; null where not yet entered.
     *
     * @param missing the Chinese names of what is not yet entered, in this order
     */
    public record Contacts(String office, String address, String hours, String phone, String fax, String postcode,
            String email, List<String> missing) {

        public Contacts {
            missing = List.copyOf(missing);
        }
    }

    /**
     * One way to seek redress.
     *
     * @param kind {@code COMPLAINT} 投诉举报, {@code RECONSIDERATION} 行政复议 or {@code LITIGATION} 行政诉讼
     * @param body who hears it, where one is named (the reviewing body, the regulator); null for a court, which is the
     *             one with jurisdiction
     */
    public record Remedy(String kind, String name, String body, String text) {
    }
}
