package gongkai.publishing.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import gongkai.publishing.RecordPublished;

/**
 * A listener like the ledger's or the search index's, for the restart test only: with
 * {@code gongkai.test.event-probe=fail} it fails as a process would that dies before the listener has run.
 */
@Component
@ConditionalOnProperty("gongkai.test.event-probe")
class EventProbe {

    static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

    private final boolean fail;

    EventProbe(org.springframework.core.env.Environment env) {
        this.fail = "fail".equals(env.getProperty("gongkai.test.event-probe"));
    }

    @ApplicationModuleListener
    void on(RecordPublished event) {
        if (fail) {
            throw new IllegalStateException("simulated crash before the listener completed");
        }
        RECEIVED.add(event.indexNo());
    }
}
