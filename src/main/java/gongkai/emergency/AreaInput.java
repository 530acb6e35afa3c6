package gongkai.emergency;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import gongkai.region.Regions;
import gongkai.shared.InvalidInputProblem.FieldError;

/**
 * The area of a warning or an emergency as entered: region codes down to townships, within the issuing body's
 * jurisdiction, at least one. One reading for both, so that their areas are refused with the same words.
 */
final class AreaInput {

    private AreaInput() {
    }

    /**
     * The valid codes in the order given, without repeats; a problem is added to {@code errors} (field "areas") for
     * each unknown code, code below a township or code outside {@code jurisdiction}, and when none is given.
     *
     * @param what             the area as the message names it (预警区域, 事件区域)
     * @param jurisdiction     the codes the body may name
     * @param jurisdictionName the body, for the message
     */
    static List<String> read(List<String> codes, Regions regions, Set<String> jurisdiction, String jurisdictionName,
            String what, List<FieldError> errors) {
        Set<String> areas = new LinkedHashSet<>();
        boolean any = false;
        for (String raw : codes) {
            String code = raw == null || raw.isBlank() ? null : raw.strip();
            if (code == null) {
                continue;
            }
            any = true;
            var region = regions.find(code);
            if (region.isEmpty()) {
                errors.add(new FieldError("areas", "行政区划代码“" + code + "”不存在。"));
            } else if (region.get().kind().level() > 3) {
                errors.add(new FieldError("areas", "“" + region.get().name() + "”低于乡镇（街道）一级，" + what
                        + "最细到乡镇（街道）。"));
            } else if (!jurisdiction.contains(code)) {
                errors.add(new FieldError("areas", "“" + region.get().name() + "”不在" + jurisdictionName + "的辖区内。"));
            } else {
                areas.add(code);
            }
        }
        if (!any) {
            errors.add(new FieldError("areas", "请至少选择一个" + what + "。"));
        }
        return List.copyOf(areas);
    }
}
