package gongkai.support;

import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

/**
 * The real RabbitMQ broker at {@code GONGKAI_TEST_RABBIT_HOST}:{@code GONGKAI_TEST_RABBIT_PORT} (default
 * 127.0.0.1:5672, guest/guest), for tests of deliveries through it. Where no broker answers, the tests are skipped
 * with a visible message, except under CI ({@code CI=true}), where they must run and therefore fail. Each instance
 * names its own queues ({@link #prefix()}), so that runs side by side do not share them. A test class registers one:
 * {@code @RegisterExtension static final RabbitTestBroker broker = new RabbitTestBroker();}
 */
public final class RabbitTestBroker implements BeforeAllCallback {

    private static final String HOST = env("GONGKAI_TEST_RABBIT_HOST", "127.0.0.1");
    private static final int PORT = Integer.parseInt(env("GONGKAI_TEST_RABBIT_PORT", "5672"));
    private static final String USER = env("GONGKAI_TEST_RABBIT_USER", "guest");
    private static final String PASSWORD = env("GONGKAI_TEST_RABBIT_PASSWORD", "guest");

    private final String prefix = "gongkai.test." + UUID.randomUUID().toString().substring(0, 8);

    /** Opens and closes a connection before the class's tests, or skips them (fails under CI) when none answers. */
    @Override
    public void beforeAll(ExtensionContext context) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(HOST);
        factory.setPort(PORT);
        factory.setUsername(USER);
        factory.setPassword(PASSWORD);
        factory.setConnectionTimeout(3000);
        factory.setHandshakeTimeout(3000);
        try (Connection c = factory.newConnection("gongkai-test-probe")) {
            c.getServerProperties();
        } catch (Exception e) {
            String message = "RabbitMQ not reachable at " + HOST + ":" + PORT + " as " + USER + " (" + e
                    + "): RabbitMQ tests SKIPPED. Start RabbitMQ or run .ci/run, which starts it.";
            System.err.println("*** " + message);
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI requires the RabbitMQ tests to run: " + message, e);
            }
            Assumptions.abort(message);
        }
    }

    /** The start of this test class's queue names. */
    public String prefix() {
        return prefix;
    }

    /** Points the platform at this broker ({@code spring.rabbitmq.*}) with deliveries through it. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.rabbitmq.host", () -> HOST);
        registry.add("spring.rabbitmq.port", () -> PORT);
        registry.add("spring.rabbitmq.username", () -> USER);
        registry.add("spring.rabbitmq.password", () -> PASSWORD);
        registry.add("gongkai.notify.delivery.broker", () -> "rabbitmq");
        registry.add("gongkai.notify.delivery.rabbit-prefix", () -> prefix);
    }

    private static String env(String key, String fallback) {
        String v = System.getenv(key);
        return v == null || v.isBlank() ? fallback : v;
    }
}
