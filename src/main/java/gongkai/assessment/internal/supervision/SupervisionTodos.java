package gongkai.assessment.internal.supervision;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import gongkai.assessment.FindingStatus;
import gongkai.assessment.Supervision;
import gongkai.shared.Actor;
import gongkai.shared.Role;
import gongkai.shared.Todo;
import gongkai.shared.TodoSource;

/**
 * 督查整改's to-dos: findings to rectify (an organisation's APPROVER answers them) and rectifications to confirm (the
 * AUDITOR's), counted over the same findings the list shows the person.
 */
@Component
@Order(40)
class SupervisionTodos implements TodoSource {

    private final Supervision supervision;

    SupervisionTodos(Supervision supervision) {
        this.supervision = supervision;
    }

    @Override
    public String area() {
        return SUPERVISION;
    }

    @Override
    public List<Todo> todosFor(Actor actor) {
        List<Todo> todos = new ArrayList<>();
        if (actor.has(Role.APPROVER)) {
            todos.add(count(actor, FindingStatus.OPEN, "待整改的督查问题"));
            todos.add(count(actor, FindingStatus.REOPENED, "需重新整改的督查问题"));
        }
        if (actor.has(Role.AUDITOR)) {
            todos.add(count(actor, FindingStatus.RECTIFIED, "已整改待验收的督查问题"));
        }
        return todos;
    }

    private Todo count(Actor actor, FindingStatus status, String label) {
        return new Todo(SUPERVISION, label, supervision.overview(actor, null, status).size(),
                "/admin/supervision?status=" + status.name());
    }
}
