package gongkai.notify.internal;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import gongkai.notify.ChannelKind;
import gongkai.notify.Frequency;
import gongkai.notify.NewSubscription;
import gongkai.notify.SubscriptionReceipt;
import gongkai.notify.SubscriptionView;
import gongkai.notify.Subscriptions;
import gongkai.shared.NotFoundProblem;

/**
 * Subscriptions over the API (API.md): subscribe ({@code 202}: it waits for confirmation), confirm by the link's
 * token or the SMS code, read and end a subscription by the token every message carries.
 */
@RestController
@RequestMapping("/api/v1/subscriptions")
class SubscriptionApiController {

    private final Subscriptions subscriptions;

    SubscriptionApiController(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    record Body(ChannelKind channel, String address, List<String> domains, List<String> regions, List<String> items,
            List<String> orgs, Frequency frequency, String secret) {
    }

    record TokenBody(String token) {
    }

    record CodeBody(String code) {
    }

    @PostMapping
    ResponseEntity<SubscriptionReceipt> subscribe(@RequestBody Body body) {
        SubscriptionReceipt r = subscriptions.subscribe(new NewSubscription(body.channel(), body.address(),
                body.domains(), body.regions(), body.items(), body.orgs(), body.frequency(), body.secret()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/subscriptions/" + r.id()))
                .body(r);
    }

    @PostMapping("/confirm")
    SubscriptionView confirm(@RequestBody TokenBody body) {
        return subscriptions.confirmLink(body.token());
    }

    @PostMapping("/{id:\\d+}/confirm")
    SubscriptionView confirmCode(@PathVariable long id, @RequestBody CodeBody body) {
        return subscriptions.confirmCode(id, body.code());
    }

    @GetMapping("/{token}")
    SubscriptionView byToken(@PathVariable String token) {
        return subscriptions.byToken(token).orElseThrow(() -> new NotFoundProblem("该订阅不存在或已退订。"));
    }

    @DeleteMapping("/{token}")
    ResponseEntity<Void> unsubscribe(@PathVariable String token) {
        if (!subscriptions.unsubscribe(token)) {
            throw new NotFoundProblem("该订阅不存在或已退订。");
        }
        return ResponseEntity.noContent().build();
    }
}
