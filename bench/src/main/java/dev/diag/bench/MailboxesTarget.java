package dev.diag.bench;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * bench/mailboxes' target: {@code N} parked platform threads beside a fixture's own (its main
 * class and arguments follow N, e.g. {@code 10000 dev.diag.it.fixture.LogbackBacklogTarget}), and
 * a reader of the agent's allocation on stdin ({@link AgentAllocationReader}), so the agent is
 * measured from outside itself; its "start 1" starts the fixture (its main, on the main thread).
 *
 * The fixture waits for "start" so that the script can first connect to the node: an agent
 * before commit 32d3d3e logs through the app's logback, and its one-time debug lines on the
 * first connection would block in the fixture's full AsyncAppender for good.
 *
 * Run it with only the bench jar and the fixture on the class path: the agent under test comes from -javaagent alone.
 */
public final class MailboxesTarget {
    private static final CountDownLatch START = new CountDownLatch(1);

    private MailboxesTarget() {
    }

    public static void main(String[] args) throws Exception {
        AgentAllocationReader.start(START::countDown);
        int parked = Integer.parseInt(args[0]);
        ParkedThreads.start(parked);
        System.out.println("parked threads up: " + parked);
        System.out.flush();
        START.await();
        Class.forName(args[1]).getMethod("main", String[].class)
                .invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
    }
}
