package gongkai.assessment.internal;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import gongkai.assessment.ObligationFlag;
import gongkai.assessment.ObligationInbox;
import gongkai.shared.Actor;
import gongkai.shared.Role;
import gongkai.shared.Todo;
import gongkai.shared.TodoSource;

/** 公开义务's to-do: the person's organisation's obligations flagged overdue by the daily check, for who publishes. */
@Component
@Order(50)
class ObligationTodos implements TodoSource {

    private final ObligationInbox inbox;

    ObligationTodos(ObligationInbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public String area() {
        return OBLIGATIONS;
    }

    @Override
    public List<Todo> todosFor(Actor actor) {
        if (!actor.has(Role.EDITOR) && !actor.has(Role.APPROVER)) {
            return List.of();
        }
        long overdue = inbox.of(actor.orgCode()).stream().filter(f -> f.kind() == ObligationFlag.Kind.OVERDUE).count();
        return List.of(new Todo(OBLIGATIONS, "已逾期的公开义务", overdue, "/admin/obligations?flag=OVERDUE#inbox"));
    }
}
