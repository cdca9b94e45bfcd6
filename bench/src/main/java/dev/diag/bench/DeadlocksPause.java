package dev.diag.bench;

import dev.diag.agent.functions.Args;
import dev.diag.agent.functions.CallContext;
import dev.diag.agent.functions.DiagFunction;
import dev.diag.agent.functions.Functions;
import dev.diag.protocol.message.Json;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * deadlocks() on the agent, in this JVM with the agent's own classes and N parked threads (default
 * 10,000): six calls with no deadlock, then six with a two-thread monitor deadlock. Run by
 * bench/deadlocks with -Xlog:safepoint, which reads the pauses; costs a few seconds.
 *
 * <pre>round 6: 1 deadlock(s), call 3.12 ms</pre>
 */
public final class DeadlocksPause {
    public static void main(String[] args) throws Exception {
        ParkedThreads.start(args.length > 0 ? Integer.parseInt(args[0]) : 10000);
        DiagFunction deadlocks = Functions.all().find("deadlocks");
        CallContext context = new CallContext() {
            @Override
            public boolean cancelled() {
                return false;
            }

            @Override
            public void emit(List<?> rows) {
            }
        };
        for (int round = 0; round < 12; round++) {
            if (round == 6) {
                deadlock();
            }
            long t0 = System.nanoTime();
            Object result = deadlocks.call(new Args("deadlocks", List.of()), context);
            long t1 = System.nanoTime();
            int cycles = Json.mapper().valueToTree(result).get("deadlocks").size();
            System.out.printf("round %d: %d deadlock(s), call %.2f ms%n", round, cycles, (t1 - t0) / 1e6);
        }
        System.exit(0);
    }

    /** Two daemon threads, each holding the monitor the other wants. */
    private static void deadlock() throws InterruptedException {
        Object left = new Object();
        Object right = new Object();
        CountDownLatch both = new CountDownLatch(2);
        for (Object[] pair : new Object[][] {{left, right}, {right, left}}) {
            Thread t = new Thread(() -> {
                synchronized (pair[0]) {
                    both.countDown();
                    try {
                        both.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    synchronized (pair[1]) { // never entered: the other thread holds it
                    }
                }
            });
            t.setDaemon(true);
            t.start();
        }
        Thread.sleep(200);
    }
}
