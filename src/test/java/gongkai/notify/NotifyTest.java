package gongkai.notify;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import gongkai.support.PlatformTest;

/**
 * {@link PlatformTest} with the recording SMS and WeChat channels, and a fan-out in chunks of two subscriptions, so
 * that every message crosses several chunks. One context shared by the push tests that use it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@PlatformTest
@Import(RecordingChannels.class)
@TestPropertySource(properties = "gongkai.notify.delivery.fanout-chunk=2")
public @interface NotifyTest {
}
