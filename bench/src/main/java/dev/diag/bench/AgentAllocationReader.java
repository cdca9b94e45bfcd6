package dev.diag.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A reader of the agent's allocation inside a bench target, on its stdin, so the agent is measured
 * from outside itself (bench/mailboxes, bench/processes):
 *
 * <pre>
 * start 1    runs the target's start action, if it has one, and answers "STARTED 1"
 * mark 7     answers "MARKED 7": remembers the allocated-bytes counter of every agent thread
 * since 7    answers "SINCE 7 CALL IO": bytes the diag-call-* and the diag-io* threads allocated
 *            since the mark (a thread started since counts from 0; one that ended is left out)
 * </pre>
 *
 * The counters are ThreadMXBean's (a thread's TLAB and outside-TLAB allocation, exact to the
 * last TLAB refill); reading them stops nothing.
 */
final class AgentAllocationReader {
    private AgentAllocationReader() {
    }

    /** Starts the reader, a daemon thread of the target; {@code onStart} runs on "start". */
    static void start(Runnable onStart) {
        Thread reader = new Thread(() -> answer(onStart), "bench-allocation-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private static void answer(Runnable onStart) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Map<Long, Long> mark = new HashMap<>();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        try {
            for (String line; (line = in.readLine()) != null; ) {
                String[] words = line.trim().split(" ");
                if (words.length != 2) {
                    continue;
                }
                if (words[0].equals("start")) {
                    onStart.run();
                    System.out.println("STARTED " + words[1]);
                } else if (words[0].equals("mark")) {
                    mark.clear();
                    for (Thread t : agentThreads()) {
                        mark.put(t.getId(), mx.getThreadAllocatedBytes(t.getId()));
                    }
                    System.out.println("MARKED " + words[1]);
                } else if (words[0].equals("since")) {
                    long call = 0;
                    long io = 0;
                    for (Thread t : agentThreads()) {
                        long bytes = mx.getThreadAllocatedBytes(t.getId());
                        if (bytes < 0) {
                            continue; // ended meanwhile
                        }
                        bytes -= mark.getOrDefault(t.getId(), 0L);
                        if (t.getName().startsWith("diag-call-")) {
                            call += bytes;
                        } else {
                            io += bytes;
                        }
                    }
                    System.out.println("SINCE " + words[1] + " " + call + " " + io);
                }
                System.out.flush();
            }
        } catch (IOException e) {
            System.out.println("allocation reader: " + e);
        }
    }

    /** The agent's call and I/O threads, from the root thread group (no stacks, no pause). */
    private static Thread[] agentThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] all = new Thread[root.activeCount() * 2 + 16];
        int n;
        while ((n = root.enumerate(all, true)) == all.length) {
            all = new Thread[all.length * 2];
        }
        return Arrays.stream(all, 0, n)
                .filter(t -> t.getName().startsWith("diag-call-") || t.getName().startsWith("diag-io"))
                .toArray(Thread[]::new);
    }
}
