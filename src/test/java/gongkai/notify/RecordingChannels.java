package gongkai.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import gongkai.notify.internal.channel.Channel;
import gongkai.notify.internal.channel.Outgoing;
import gongkai.notify.internal.channel.SendOutcome;

/**
 * Test channels that keep what they are given, for tests of subscriptions and delivery that are not about the wire
 * (the channel tests are: SMTP, SMS gateway, WeChat and webhooks each against a real local server). Import this
 * configuration to have a configured SMS and WeChat channel; the configured one wins over the built-in one.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RecordingChannels {

    @Bean
    Recording recordingSms() {
        return new Recording(ChannelKind.SMS);
    }

    @Bean
    Recording recordingWechat() {
        return new Recording(ChannelKind.WECHAT);
    }

    /** A configured channel that records every message; it can be told to refuse an address. */
    public static class Recording implements Channel {

        private final ChannelKind kind;
        private final List<Outgoing> sent = new CopyOnWriteArrayList<>();
        private volatile Predicate<String> refuse = a -> false;
        private volatile Predicate<String> busy = a -> false;
        private volatile Duration delay = Duration.ZERO;

        Recording(ChannelKind kind) {
            this.kind = kind;
        }

        @Override
        public ChannelKind kind() {
            return kind;
        }

        @Override
        public boolean configured() {
            return true;
        }

        @Override
        public SendOutcome send(Outgoing message) {
            if (refuse.test(message.address())) {
                return SendOutcome.permanent("refused by test");
            }
            if (busy.test(message.address())) {
                return SendOutcome.retry("busy by test");
            }
            if (!delay.isZero()) {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return SendOutcome.retry("interrupted");
                }
            }
            sent.add(message);
            return SendOutcome.sent();
        }

        public void refuse(Predicate<String> addresses) {
            this.refuse = addresses;
        }

        /** Makes every send take this long, as a slow gateway would. */
        public void delay(Duration perMessage) {
            this.delay = perMessage;
        }

        public void busy(Predicate<String> addresses) {
            this.busy = addresses;
        }

        public List<Outgoing> sentTo(String address) {
            return new ArrayList<>(sent.stream().filter(o -> o.address().equals(address)).toList());
        }

        public List<Outgoing> all() {
            return new ArrayList<>(sent);
        }

        /** Waits (up to 20 s) for a message to the address that passes the test. */
        public Outgoing await(String address, Predicate<Outgoing> test) {
            Instant until = Instant.now().plus(Duration.ofSeconds(20));
            while (Instant.now().isBefore(until)) {
                Optional<Outgoing> found = sent.stream().filter(o -> o.address().equals(address)).filter(test)
                        .findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            throw new AssertionError("No message to " + address + " within 20 s; sent: " + sent);
        }
    }
}
