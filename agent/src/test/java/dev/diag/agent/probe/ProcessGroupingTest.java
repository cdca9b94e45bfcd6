package dev.diag.agent.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.agent.Await;
import dev.diag.protocol.result.ProcessGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ProcessGroupingTest {

    @Test
    void putsThreadsParkedAtTheSameFramesInOneGroupWithAnExactCount() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        List<Thread> parked = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            Thread t = new Thread(() -> awaitQuietly(never), "grouping-test-" + i);
            t.setDaemon(true);
            t.start();
            parked.add(t);
        }
        try {
            for (Thread t : parked) {
                Await.state(t, Thread.State.WAITING);
            }
            ProcessGrouping grouping = new ProcessGrouping();
            long platform = grouping.addPlatformThreads();

            ProcessGroup group = grouping.groups().stream()
                    .filter(g -> g.exampleName() != null && g.exampleName().startsWith("grouping-test-"))
                    .findFirst().orElseThrow();
            assertEquals(25, group.count(), group.toString());
            assertFalse(group.estimated(), "every platform stack is walked");
            assertEquals("WAITING", group.state());
            assertEquals("java.util.concurrent.CountDownLatch$Sync", group.lock());
            assertTrue(group.frames().get(0).startsWith("java.util.concurrent.CountDownLatch.await("), group.toString());
            assertTrue(group.frames().get(1).contains("awaitQuietly"), "the park plumbing is skipped: " + group);
            assertEquals(platform, grouping.groups().stream().mapToLong(ProcessGroup::count).sum());
        } finally {
            never.countDown();
        }
    }

    @Test
    void keepsAtMostFiveFramesBelowThePlumbing() {
        StackTraceElement[] stack = new StackTraceElement[9];
        stack[0] = new StackTraceElement("jdk.internal.misc.Unsafe", "park", null, -2);
        stack[1] = new StackTraceElement("java.util.concurrent.locks.LockSupport", "park", "LockSupport.java", 221);
        for (int i = 2; i < stack.length; i++) {
            stack[i] = new StackTraceElement("app.Frame" + i, "run", "Frame" + i + ".java", i);
        }
        assertEquals(List.of("app.Frame2.run(Frame2.java:2)", "app.Frame3.run(Frame3.java:3)", "app.Frame4.run(Frame4.java:4)",
                "app.Frame5.run(Frame5.java:5)", "app.Frame6.run(Frame6.java:6)"), ProcessGrouping.frames(stack));
    }

    @Test
    void groupsNoVirtualThreadsWhereTheJdkHasNone() {
        ProcessGrouping grouping = new ProcessGrouping();
        VirtualThreads closed = VirtualThreads.of(JdkInternals.withoutInstrumentation()); // no agent Instrumentation in this test JVM: nothing to list
        assertEquals(0, grouping.addVirtualThreads(closed));
        assertTrue(grouping.groups().isEmpty());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
