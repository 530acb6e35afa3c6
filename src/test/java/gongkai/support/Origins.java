package gongkai.support;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Runs code as if in a web request from a given client address. Tests that call services directly otherwise all come
 * from the mock request's 127.0.0.1 and would share every per-address limit.
 */
public final class Origins {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private Origins() {
    }

    /** A client address no other test has used (in 10.99.0.0/16). */
    public static String fresh() {
        int n = NEXT.incrementAndGet();
        return "10.99." + (n / 250 % 250) + "." + (n % 250 + 1);
    }

    public static <T> T from(String address, Supplier<T> action) {
        RequestAttributes previous = RequestContextHolder.getRequestAttributes();
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            return action.get();
        } finally {
            RequestContextHolder.setRequestAttributes(previous);
        }
    }

    /** From an address of its own. */
    public static <T> T fresh(Supplier<T> action) {
        return from(fresh(), action);
    }
}
