package gongkai.shared;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The signed-in person's to-do counts from every module's {@link TodoSource}: all for the start page, or one area. */
@Component
public class Todos {

    private final ObjectProvider<TodoSource> sources;

    Todos(ObjectProvider<TodoSource> sources) {
        this.sources = sources;
    }

    /** Every count for the signed-in member of staff, in the order the sources are declared; none for anyone else. */
    public List<Todo> all() {
        return collect(null);
    }

    /** The counts of one dashboard's area. */
    public List<Todo> of(String area) {
        return collect(area);
    }

    private List<Todo> collect(String area) {
        Actor actor = Actor.current().filter(a -> a.orgCode() != null && !a.has(Role.SUPERVISOR)).orElse(null);
        if (actor == null) {
            return List.of();
        }
        return sources.orderedStream().filter(s -> area == null || s.area().equals(area))
                .flatMap(s -> s.todosFor(actor).stream()).toList();
    }
}
