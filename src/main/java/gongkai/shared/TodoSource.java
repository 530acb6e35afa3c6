package gongkai.shared;

import java.util.List;

/**
 * A module's to-do counts for one person: each module that owns a queue contributes a bean, and the dashboards collect
 * them through {@link Todos} without reaching into the module. A source gives only the queues the person works in, each as a {@link Todo} of its {@link #area()}.
 */
public interface TodoSource {

    String RECORDS = "records";
    String REQUESTS = "requests";
    String COMPLAINTS = "complaints";
    String SUPERVISION = "supervision";
    String OBLIGATIONS = "obligations";
    String WARNINGS = "warnings";
    String RESIDENTS = "residents";

    /** The dashboard this source counts for (one of the constants above). */
    String area();

    List<Todo> todosFor(Actor actor);
}
