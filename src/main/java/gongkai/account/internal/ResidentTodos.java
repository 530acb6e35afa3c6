package gongkai.account.internal;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import gongkai.account.Residents;
import gongkai.shared.Actor;
import gongkai.shared.Role;
import gongkai.shared.Todo;
import gongkai.shared.TodoSource;

/** 居民确认's to-do: registrations in the admin's area that wait for confirmation. */
@Component
@Order(70)
class ResidentTodos implements TodoSource {

    private final Residents residents;

    ResidentTodos(Residents residents) {
        this.residents = residents;
    }

    @Override
    public String area() {
        return RESIDENTS;
    }

    @Override
    public List<Todo> todosFor(Actor actor) {
        if (!actor.has(Role.ADMIN)) {
            return List.of();
        }
        return List.of(new Todo(RESIDENTS, "待确认的居民", Actor.callAs(actor, residents::pendingForMe).size(),
                "/admin/residents"));
    }
}
