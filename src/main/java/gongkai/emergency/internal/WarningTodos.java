package gongkai.emergency.internal;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import gongkai.emergency.Warning;
import gongkai.emergency.Warnings;
import gongkai.shared.Actor;
import gongkai.shared.Todo;
import gongkai.shared.TodoSource;

/** 预警's to-do: warnings published at once that wait for this person's 复核 (a second person of the issuer). */
@Component
@Order(60)
class WarningTodos implements TodoSource {

    private final Warnings warnings;

    WarningTodos(Warnings warnings) {
        this.warnings = warnings;
    }

    static List<Warning> toConfirm(Warnings warnings, Actor actor) {
        return warnings.unconfirmed().stream().filter(w -> warnings.mayConfirm(actor, w)).toList();
    }

    @Override
    public String area() {
        return WARNINGS;
    }

    @Override
    public List<Todo> todosFor(Actor actor) {
        if (!warnings.mayOpenDesk(actor)) {
            return List.of();
        }
        return List.of(new Todo(WARNINGS, "待复核的预警", toConfirm(warnings, actor).size(),
                "/admin/warnings?toConfirm=true"));
    }
}
