package dev.diag.agent.trace;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TraceRefusalsTest {

    @Test
    void diagsOwnClassesAreRefusedBecauseTheHookWouldTraceItself() {
        assertTrue(TraceRefusals.reason("dev.diag.agent.trace.Tracer").contains("diag does not trace its own classes"));
        assertTrue(TraceRefusals.reason("dev.diag.spy.TraceSpy").contains("diag does not trace its own classes"));
    }

    @Test
    void theJdkClassesTheHookRunsOnAreRefusedWithTheReason() {
        String reason = TraceRefusals.reason("java.util.concurrent.ConcurrentLinkedQueue");
        assertTrue(reason.contains("would call the hook from inside itself"), reason);
        assertTrue(TraceRefusals.reason(String.class) != null);
    }

    @Test
    void otherJdkClassesAndAppClassesMayBeTraced() {
        assertNull(TraceRefusals.reason("java.time.LocalDate"));
        assertNull(TraceRefusals.reason("com.example.Pricing"));
    }

    @Test
    void hiddenClassesSuchAsLambdasAreRefusedAsTheJvmCannotRetransformThem() {
        Supplier<String> lambda = () -> "x";
        assertTrue(TraceRefusals.reason(lambda.getClass()).contains("the JVM cannot retransform"));
        assertTrue(TraceRefusals.reason(int[].class).contains("the JVM cannot retransform"));
    }
}
