package gongkai.bench;

import java.util.List;
import java.util.Random;

import com.ibm.icu.text.Transliterator;

/**
 * Synthetic government text for the search benchmark: titles and bodies put together from phrases of the seven
 * fields, place names and numbers, about one record in five written in Traditional characters.
 */
final class Corpus {

    static final List<String> TOPICS = List.of("精准扶贫", "脱贫攻坚", "建档立卡", "两不愁三保障", "扶贫项目", "扶贫资金",
            "产业帮扶", "易地扶贫搬迁", "乡村振兴", "城乡低保", "特困人员救助供养", "临时救助", "社会救助", "残疾人福利",
            "儿童福利", "孤儿基本生活保障", "养老服务", "义务教育", "控辍保学", "学前教育", "职业教育", "学生资助",
            "营养改善计划", "均衡发展", "民办学校", "免疫规划", "疾病预防控制", "健康扶贫", "一站式即时结报",
            "先诊疗后付费", "食品安全", "家庭医生签约", "环境空气质量", "地表水水质", "饮用水水源地", "土壤污染",
            "环境影响评价", "行政处罚", "污染源监测", "生态保护", "自然灾害", "洪涝灾害", "应急救援", "救灾物资",
            "灾后恢复重建", "捐赠款物", "公共文化", "全民健身", "文化遗产", "公共体育设施", "农家书屋", "文化惠民");
    static final List<String> ACTIONS = List.of("实施方案", "工作进展", "公示", "通知", "情况通报", "管理办法",
            "实施细则", "资金分配", "考核结果", "年度报告", "政策解读", "项目清单", "监督检查", "申请审批程序",
            "标准调整", "发放情况", "验收结果", "绩效评价", "专项行动", "信息公开");
    static final List<String> PLACES = List.of("宜春市", "袁州区", "奉新县", "万载县", "上高县", "宜丰县", "靖安县",
            "铜鼓县", "丰城市", "樟树市", "高安市", "宜阳新区", "明月山", "经济技术开发区", "秀江街道", "温汤镇", "赤岸镇",
            "黄茅镇", "潭山镇", "徐家渡镇", "昌傅镇", "新街镇", "排埠镇", "慈化镇");
    static final List<String> FILLER = List.of("按照上级部门的统一部署", "经研究决定", "现将有关情况公布如下",
            "请各单位认真贯彻落实", "切实做好相关工作", "进一步规范工作流程", "接受社会监督", "确保资金安全规范使用",
            "严格执行公示制度", "如有异议请在公示期内反映", "加强部门协调配合", "提高服务水平", "做到应公开尽公开",
            "及时回应群众关切", "依法保护个人隐私", "落实属地管理责任", "完善长效机制", "强化督促检查");

    private static final Transliterator TO_TRADITIONAL = Transliterator.getInstance("Simplified-Traditional");

    private final Random random;

    Corpus(long seed) {
        this.random = new Random(seed);
    }

    String pick(List<String> list) {
        return list.get(random.nextInt(list.size()));
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    boolean traditional() {
        return random.nextInt(5) == 0;
    }

    String title(boolean traditional) {
        String t = pick(PLACES) + "关于" + pick(TOPICS) + (random.nextBoolean() ? pick(TOPICS) : "") + pick(ACTIONS);
        return traditional ? TO_TRADITIONAL.transliterate(t) : t;
    }

    String body(boolean traditional) {
        StringBuilder sb = new StringBuilder();
        int sentences = 4 + random.nextInt(6);
        for (int i = 0; i < sentences; i++) {
            sb.append(pick(FILLER)).append('，').append(pick(PLACES)).append(pick(TOPICS)).append(pick(ACTIONS))
                    .append("涉及").append(100 + random.nextInt(9900)).append("户，金额").append(random.nextInt(500))
                    .append("万元。");
        }
        return traditional ? TO_TRADITIONAL.transliterate(sb.toString()) : sb.toString();
    }

    /** A query of one to three terms, as visitors type them; sometimes in Traditional characters. */
    String query() {
        int terms = 1 + random.nextInt(3);
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < terms; i++) {
            if (i > 0) {
                q.append(' ');
            }
            q.append(i == 1 && random.nextBoolean() ? pick(PLACES) : i == 2 ? pick(ACTIONS) : pick(TOPICS));
        }
        return random.nextInt(6) == 0 ? TO_TRADITIONAL.transliterate(q.toString()) : q.toString();
    }

    /**
     * A query as people type it (issue 12), each kind taking another path through the search: words run together
     * without spaces (cut into words); a body's short name with a topic (the body's records); a typo of one
     * character (nothing found, then respelled); three words one of which no record has (nothing found, then most of
     * the words).
     */
    String typedQuery() {
        return switch (random.nextInt(4)) {
            case 0 -> pick(PLACES) + pick(TOPICS) + (random.nextBoolean() ? pick(ACTIONS) : "");
            case 1 -> pick(BODIES) + pick(TOPICS);
            case 2 -> typo(pick(TOPICS)) + (random.nextBoolean() ? pick(ACTIONS) : "");
            default -> pick(PLACES) + " " + pick(TOPICS) + " " + pick(ABSENT);
        };
    }

    static final List<String> BODIES = List.of("民政局", "市民政局", "宜春市教育局", "教育局", "市卫健委", "环保局",
            "市生态环境局", "应急管理局", "市体育局", "袁州区政府", "丰城市政府");
    static final List<String> ABSENT = List.of("火星", "量子计算", "航天器", "潜水艇", "冰川");

    /** One character replaced by another from the corpus's words. */
    private String typo(String word) {
        String donor = pick(ACTIONS);
        int at = random.nextInt(word.length());
        return word.substring(0, at) + donor.charAt(random.nextInt(donor.length())) + word.substring(at + 1);
    }
}
