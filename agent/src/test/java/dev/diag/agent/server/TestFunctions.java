package dev.diag.agent.server;

import dev.diag.agent.functions.Args;
import dev.diag.agent.functions.CallContext;
import dev.diag.agent.functions.DiagFunction;
import dev.diag.agent.functions.FunctionException;
import dev.diag.agent.functions.Functions;
import dev.diag.protocol.function.Impact;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Functions the production list does not have (slow, throwing, of a given arity), for the
 * dispatcher's tests. {@link Functions} keeps its constructor private so that
 * {@code Functions.all()} is the one list; the tests reach it by reflection rather than add
 * a door to production code.
 */
final class TestFunctions {
    private TestFunctions() {
    }

    /** What a test function does when called. */
    interface Body {
        Object call(Args args, CallContext context) throws FunctionException;
    }

    /** {@code Functions.all()} plus {@code extra}. */
    static Functions allPlus(DiagFunction... extra) {
        List<DiagFunction> list = new ArrayList<>(Functions.all().list());
        list.addAll(List.of(extra));
        try {
            Constructor<Functions> constructor = Functions.class.getDeclaredConstructor(List.class);
            constructor.setAccessible(true);
            return constructor.newInstance(list);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("Functions(List) is gone; update TestFunctions", e);
        }
    }

    static DiagFunction function(String name, int minArity, int maxArity, Body body) {
        return function(name, minArity, maxArity, Impact.low("test function"), body);
    }

    static DiagFunction function(String name, int minArity, int maxArity, Impact impact, Body body) {
        return new DiagFunction() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int minArity() {
                return minArity;
            }

            @Override
            public int maxArity() {
                return maxArity;
            }

            @Override
            public Impact impact() {
                return impact;
            }

            @Override
            public Object call(Args args, CallContext context) throws FunctionException {
                return body.call(args, context);
            }
        };
    }

    /**
     * {@code block()}: waits until {@link #release()} or an interrupt; says when each call
     * started and finished, and whether it was interrupted.
     */
    static final class Blocking {
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger finished = new AtomicInteger();
        final AtomicBoolean interrupted = new AtomicBoolean();
        final DiagFunction function = function("block", 0, 0, (args, context) -> run());

        private Object run() {
            started.incrementAndGet();
            try {
                release.await();
                return "released";
            } catch (InterruptedException e) {
                interrupted.set(true);
                return "interrupted";
            } finally {
                finished.incrementAndGet();
            }
        }

        void release() {
            release.countDown();
        }

        void awaitStarted(int calls) throws InterruptedException {
            awaitCount(started, calls, "started");
        }

        void awaitFinished(int calls) throws InterruptedException {
            awaitCount(finished, calls, "finished");
        }

        private static void awaitCount(AtomicInteger counter, int calls, String what) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(OutboundRecorder.WAIT_SECONDS);
            while (counter.get() < calls) {
                if (System.nanoTime() > end) {
                    throw new AssertionError(counter.get() + " of " + calls + " calls " + what + " within "
                            + OutboundRecorder.WAIT_SECONDS + " s");
                }
                Thread.sleep(5);
            }
        }
    }
}
