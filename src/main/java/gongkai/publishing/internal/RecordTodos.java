package gongkai.publishing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import gongkai.publishing.Records;
import gongkai.shared.Actor;
import gongkai.shared.Todo;
import gongkai.shared.TodoSource;

/** 信息发布's to-dos: records waiting for the person's review or approval, and their own drafts sent back. */
@Component
@Order(10)
class RecordTodos implements TodoSource {

    private static final Map<Records.Queue, String> LABELS = new java.util.LinkedHashMap<>();

    static {
        LABELS.put(Records.Queue.TO_REVIEW, "待审核的信息");
        LABELS.put(Records.Queue.TO_APPROVE, "待审批的信息");
        LABELS.put(Records.Queue.RETURNED, "退回给我修改的信息");
    }

    private final Records records;

    RecordTodos(Records records) {
        this.records = records;
    }

    @Override
    public String area() {
        return RECORDS;
    }

    @Override
    public List<Todo> todosFor(Actor actor) {
        Map<Records.Queue, Long> counts = Actor.callAs(actor, records::counts);
        List<Todo> todos = new ArrayList<>();
        LABELS.forEach((q, label) -> {
            Long n = counts.get(q);
            if (n != null) {
                todos.add(new Todo(RECORDS, label, n, "/admin/records?queue=" + q.name()));
            }
        });
        return todos;
    }
}
