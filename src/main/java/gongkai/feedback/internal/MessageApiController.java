package gongkai.feedback.internal;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import gongkai.feedback.MessageReceipt;
import gongkai.feedback.Messages;
import gongkai.feedback.NewMessage;
import gongkai.feedback.PublishedMessage;
import gongkai.feedback.TrackedMessage;

/**
 * 咨询留言 over the API: ask a body ({@code POST /api/v1/messages}, flood-limited as the form), follow a question with
 * its code ({@code GET /api/v1/messages/{no}?code=}) and read the published ones ({@code GET /api/v1/messages}).
 */
@RestController
@RequestMapping("/api/v1/messages")
class MessageApiController {

    private final Messages messages;

    MessageApiController(Messages messages) {
        this.messages = messages;
    }

    /** A new question; {@code keepPrivate} asks that it not be published. */
    record NewMessageBody(String org, String subject, String question, String name, String phone, String email,
            Boolean keepPrivate) {
    }

    @PostMapping
    ResponseEntity<MessageReceipt> ask(@RequestBody NewMessageBody body) {
        MessageReceipt r = messages.ask(new NewMessage(body.org(), body.subject(), body.question(), body.name(),
                body.phone(), body.email(), Boolean.TRUE.equals(body.keepPrivate())));
        return ResponseEntity.created(URI.create("/api/v1/messages/" + r.trackingNo())).body(r);
    }

    @GetMapping("/{trackingNo}")
    TrackedMessage track(@PathVariable String trackingNo, @RequestParam(defaultValue = "") String code) {
        return messages.track(trackingNo, code);
    }

    @GetMapping
    List<PublishedMessage> published(@RequestParam(required = false) String org,
            @RequestParam(required = false) String q) {
        return messages.published(org, q);
    }
}
