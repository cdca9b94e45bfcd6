package dev.diag.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * bench/processes' target: N platform threads that stay where they are for the whole run, so
 * every command sees the same threads. Half park (WAITING), a quarter block on one monitor a
 * holder thread keeps (BLOCKED), a quarter sleep (TIMED_WAITING). "READY N" is printed once every
 * worker is in place. Its stdin is an {@link AgentAllocationReader}, which the script asks what
 * the agent's threads allocated during each call. Run it with only the bench jar on the class
 * path: the agent under test comes from -javaagent alone.
 */
public final class ProcessesTarget {
    private static final Object MONITOR = new Object();

    private ProcessesTarget() {
    }

    public static void main(String[] args) throws InterruptedException {
        int n = Integer.parseInt(args[0]);
        AgentAllocationReader.start(() -> { });
        Thread holder = new Thread(() -> {
            synchronized (MONITOR) {
                while (true) {
                    LockSupport.park();
                }
            }
        }, "holder");
        holder.setDaemon(true);
        holder.start();
        while (holder.getState() != Thread.State.WAITING) { // parked, with MONITOR held
            Thread.sleep(1);
        }
        List<Thread> workers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(worker(i), "worker-" + i);
            t.setDaemon(true);
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            while (t.getState() == Thread.State.NEW || t.getState() == Thread.State.RUNNABLE) {
                Thread.sleep(1);
            }
        }
        System.out.println("READY " + n);
        System.out.flush();
        while (true) {
            LockSupport.park();
        }
    }

    private static Runnable worker(int i) {
        if (i % 4 < 2) {
            return () -> {
                while (true) {
                    LockSupport.park();
                }
            };
        }
        if (i % 4 == 2) {
            return () -> {
                synchronized (MONITOR) {
                    throw new AssertionError("the holder never lets go");
                }
            };
        }
        return () -> {
            while (true) {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    // stay
                }
            }
        };
    }
}
