package gongkai.feedback.internal;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import gongkai.feedback.Complaints;
import gongkai.shared.Actor;
import gongkai.shared.Todo;
import gongkai.shared.TodoSource;

/** 投诉举报's to-do: complaints the person's inbox holds that await a reply (the city office's: every body's). */
@Component
@Order(30)
class ComplaintTodos implements TodoSource {

    private final Complaints complaints;

    ComplaintTodos(Complaints complaints) {
        this.complaints = complaints;
    }

    @Override
    public String area() {
        return COMPLAINTS;
    }

    @Override
    public List<Todo> todosFor(Actor actor) {
        if (actor.roles().isEmpty()) {
            return List.of();
        }
        return List.of(new Todo(COMPLAINTS, "待答复的投诉举报", complaints.inbox(actor, null, "OPEN").size(),
                "/admin/complaints?status=OPEN"));
    }
}
