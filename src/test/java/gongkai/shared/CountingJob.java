package gongkai.shared;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.aop.support.AopUtils;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.support.ScheduledMethodRunnable;
import org.springframework.util.ClassUtils;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * A job whose only effect is a count, locked like the platform's business jobs. It is handed to a node's own
 * scheduler the way {@code @Scheduled} hands a method to it, so the lock is taken exactly as for a real job.
 */
class CountingJob {

    static final String NAME = "test.counting-job";

    final AtomicInteger runs = new AtomicInteger();
    /** While closed, a run holds on (and so holds its lock). */
    volatile CountDownLatch hold = new CountDownLatch(0);
    final CountDownLatch started = new CountDownLatch(1);

    @SchedulerLock(name = NAME, lockAtMostFor = "PT30S", lockAtLeastFor = "PT1S")
    public void run() {
        runs.incrementAndGet();
        started.countDown();
        try {
            if (!hold.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The test never let the job finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Hands this job to {@code scheduler} to run at {@code at}, as the scheduling infrastructure does. */
    ScheduledFuture<?> scheduleOn(TaskScheduler scheduler, Instant at) {
        return scheduler.schedule(new ScheduledMethodRunnable(this, method("run")), at);
    }

    /** Hands a platform bean's scheduled method to {@code scheduler}, as {@code @Scheduled} does. */
    static ScheduledFuture<?> schedule(TaskScheduler scheduler, Object bean, String methodName, Instant at) {
        Method declared = method(ClassUtils.getUserClass(bean), methodName);
        return scheduler.schedule(new ScheduledMethodRunnable(bean,
                AopUtils.selectInvocableMethod(declared, bean.getClass())), at);
    }

    private Method method(String name) {
        return method(CountingJob.class, name);
    }

    private static Method method(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(name) && m.getParameterCount() == 0) {
                    m.setAccessible(true);
                    return m;
                }
            }
        }
        throw new IllegalArgumentException(type + " has no method " + name + "()");
    }
}
