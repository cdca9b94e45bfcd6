package dev.diag.bench;

import dev.diag.agent.probe.JdkInternals;
import dev.diag.agent.probe.LiveThreads;
import dev.diag.agent.probe.MailboxFinder;
import dev.diag.agent.probe.MailboxSnapshot;
import dev.diag.agent.probe.ThreadTable;
import dev.diag.agent.probe.TopFrames;
import dev.diag.protocol.message.Json;
import dev.diag.protocol.message.JsonTree;
import dev.diag.protocol.result.ProcessRow;
import java.util.ArrayList;
import java.util.List;

/**
 * i() on the agent, phase by phase, in this JVM with the agent's own classes and N parked threads
 * (default 10,000): the thread table, the mailbox scan, the rows' JSON and the current-function
 * column, six rounds, the first one the JVM warming up. Run by bench/i-phases; costs a few seconds.
 *
 * <pre>table 13 ms, mailboxes 2 ms, rows->json 19 ms (937 KB), current functions 87 ms</pre>
 */
public final class IPhases {
    public static void main(String[] args) {
        ParkedThreads.start(args.length > 0 ? Integer.parseInt(args[0]) : 10000);
        MailboxFinder finder = new MailboxFinder(JdkInternals.withoutInstrumentation());
        for (int round = 0; round < 6; round++) {
            long t0 = System.nanoTime();
            ThreadTable table = ThreadTable.take();
            long t1 = System.nanoTime();
            MailboxSnapshot mailboxes = finder.scan(LiveThreads.byId().values());
            long t2 = System.nanoTime();
            List<Object> rows = new ArrayList<>();
            for (ThreadTable.Entry e : table.entries()) {
                rows.add(ProcessRow.platform(e.id(), e.info().getThreadName(), e.info().getThreadState().name(),
                        e.allocatedBytes(), e.cpuNanos(), null, null, e.info().isDaemon()));
            }
            long bytes = 0;
            for (Object row : rows) {
                bytes += JsonTree.bytes(Json.mapper().valueToTree(row)).length;
            }
            long t3 = System.nanoTime();
            TopFrames.of(table.entries().stream().mapToLong(ThreadTable.Entry::id).toArray());
            long t4 = System.nanoTime();
            System.out.printf("table %d ms, mailboxes %d ms, rows->json %d ms (%d KB), current functions %d ms%n",
                    (t1 - t0) / 1000000, (t2 - t1) / 1000000, (t3 - t2) / 1000000, bytes / 1024, (t4 - t3) / 1000000);
        }
        System.exit(0);
    }
}
