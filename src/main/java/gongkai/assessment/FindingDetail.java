package gongkai.assessment;

import java.util.List;

/** A finding with its history and what the reader may do with it now. */
public record FindingDetail(SupervisionFinding finding, List<FindingStep> history, FindingActions actions) {

    public FindingDetail {
        history = List.copyOf(history);
    }
}
