package gongkai.assessment;

import java.util.List;

/** A recorded check's number and its findings' numbers, in the order given. */
public record CheckRecorded(long id, List<Long> findingIds) {

    public CheckRecorded {
        findingIds = List.copyOf(findingIds);
    }
}
