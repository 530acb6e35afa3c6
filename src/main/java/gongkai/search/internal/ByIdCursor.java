package gongkai.search.internal;

import java.util.List;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/**
 * A walk through rows sorted by id, fetched a page at a time after the last id seen (keyset paging), so that any
 * number of rows is walked in constant memory; changes behind the cursor do not disturb it.
 */
final class ByIdCursor<T> {

    private final LongFunction<List<T>> pageAfter;
    private final ToLongFunction<T> idOf;
    private List<T> page = List.of();
    private int at;
    private long after = Long.MIN_VALUE;
    private boolean exhausted;

    ByIdCursor(LongFunction<List<T>> pageAfter, ToLongFunction<T> idOf) {
        this.pageAfter = pageAfter;
        this.idOf = idOf;
    }

    /** The id of the next row, or {@link Long#MAX_VALUE} when there is none. */
    long peekId() {
        if (at == page.size() && !exhausted) {
            page = pageAfter.apply(after);
            at = 0;
            exhausted = page.isEmpty();
        }
        return at < page.size() ? idOf.applyAsLong(page.get(at)) : Long.MAX_VALUE;
    }

    /** The next row if its id is {@code id}, consumed; otherwise null. */
    T takeIf(long id) {
        if (peekId() != id) {
            return null;
        }
        T row = page.get(at++);
        after = id;
        return row;
    }
}
