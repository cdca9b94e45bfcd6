package dev.diag.bench;

import java.util.concurrent.locks.LockSupport;

/** The threads the in-process benchmarks measure against: N daemon threads parked for good. */
final class ParkedThreads {
    private ParkedThreads() {
    }

    /** Starts {@code n} threads named worker-0 … that park; they never end, being daemons. */
    static void start(int n) {
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(LockSupport::park, "worker-" + i);
            t.setDaemon(true);
            t.start();
        }
    }
}
