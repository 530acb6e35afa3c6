package gongkai.environment;

import java.time.LocalDate;
import java.util.List;

/**
 * An EIA case as pages and the API show it. The public view holds only published notices and no comment itself (a
 * count per stage; never a name or a contact); the 公众意见采纳情况 appears once the 批后公告 is published.
 *
 * @param stage        the latest stage shown ({@link EiaStage#label()}), or null before any
 * @param openStage    the stage open for comments today, or null
 * @param response     公众意见采纳情况, or null
 */
public record EiaCaseView(long id, String projectName, String developer, String regionCode, String regionName,
        String location, String eiaAgency, String approverOrg, String approverName, String documentType,
        LocalDate receivedOn, String stage, String openStage, List<StageView> stages, String response,
        boolean demo) {

    /** The latest stage shown, or null. */
    public StageView latestStage() {
        StageView latest = null;
        for (StageView s : stages) {
            if (s.posted()) {
                latest = s;
            }
        }
        return latest;
    }

    /**
     * One of the three stages, posted or not.
     *
     * @param code         {@link EiaStage} name
     * @param posted       whether the notice has been posted (in the public view: published)
     * @param published    whether its record is published
     * @param openNow      whether comments are taken today
     * @param commentDays  the period in working days (0: no comment period)
     * @param indexNo      the record's 索引号 once published
     * @param decision     for the 批后公告: 批准 or 不予批准
     * @param commentCount comments received on this stage
     */
    public record StageView(String code, String label, boolean posted, boolean published, LocalDate startsOn,
            LocalDate endsOn, int commentDays, boolean openNow, String text, String indexNo, String decision,
            String approvalNo, long commentCount) {

        /** The notice's dates as pages print them: {@code 2026-09-28至2026-10-15（10个工作日）}, or the day alone. */
        public String period() {
            if (startsOn == null) {
                return null;
            }
            return commentDays == 0 ? startsOn.toString()
                    : startsOn + "至" + endsOn + "（" + commentDays + "个工作日）";
        }
    }
}
