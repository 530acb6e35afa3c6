package gongkai.requests.internal;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import gongkai.requests.RequestHandling;
import gongkai.requests.RequestSummary;
import gongkai.shared.Actor;
import gongkai.shared.Todo;
import gongkai.shared.TodoSource;

/** 依申请公开's to-dos for the person's own organisation: requests due within five working days, and overdue ones. */
@Component
@Order(20)
class RequestTodos implements TodoSource {

    private final RequestHandling handling;

    RequestTodos(RequestHandling handling) {
        this.handling = handling;
    }

    @Override
    public String area() {
        return REQUESTS;
    }

    @Override
    public List<Todo> todosFor(Actor actor) {
        if (!RequestSteps.isStaffOf(actor, actor.orgCode())) {
            return List.of();
        }
        List<RequestSummary> open = Actor.callAs(actor, () -> handling.inbox(actor.orgCode(), true));
        return List.of(
                new Todo(REQUESTS, "5个工作日内到期的申请", open.stream().filter(RequestSummary::dueWithinFiveWorkingDays)
                        .count(), "/admin/requests?due=soon"),
                new Todo(REQUESTS, "已逾期的申请", open.stream().filter(RequestSummary::overdue).count(),
                        "/admin/requests?due=overdue"));
    }
}
