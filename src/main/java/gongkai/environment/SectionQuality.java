package gongkai.environment;

import java.util.List;

/**
 * The water quality of a section (断面) over a period by the single-factor method of 环办〔2011〕22号.
 *
 * @param items          every item measured, in the standard's order, reference items included
 * @param waterClass     the worst class among the evaluated items
 * @param status         水质状况 of the class: 优, 良好, 轻度污染, 中度污染 or 重度污染
 * @param mainPollutants 主要污染指标 when the class is worse than III, otherwise empty
 */
public record SectionQuality(String section, WaterBody body, List<ItemQuality> items, WaterClass waterClass,
        String status, List<MainPollutant> mainPollutants) {

    public SectionQuality {
        items = List.copyOf(items);
        mainPollutants = List.copyOf(mainPollutants);
    }

    /** The item with this code, or null if it was not measured. */
    public ItemQuality item(String code) {
        return items.stream().filter(i -> i.item().code().equals(code)).findFirst().orElse(null);
    }
}
