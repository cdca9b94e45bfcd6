package dev.diag.agent.heart;

/**
 * How many times heart has restarted this node, and the last time why: each heart hands the
 * count on to the command it runs, in the environment, so the next incarnation knows.
 *
 * <pre>
 * DIAG_HEART_RESTARTS=2
 * DIAG_HEART_LAST_RESTART=2025-06-01T12:00:03.412Z: no beat for 10.0 s (the node ran no Java code ...)
 * </pre>
 */
record Restarts(int count, String last) {
    static final String COUNT = "DIAG_HEART_RESTARTS";
    static final String LAST = "DIAG_HEART_LAST_RESTART";

    static Restarts fromEnvironment() {
        return of(System.getenv(COUNT), System.getenv(LAST));
    }

    static Restarts of(String count, String last) {
        int n = 0;
        try {
            n = count == null ? 0 : Math.max(0, Integer.parseInt(count.strip()));
        } catch (NumberFormatException e) {
            // not ours, or mangled: count from zero
        }
        return new Restarts(n, n == 0 || last == null || last.isBlank() ? null : last);
    }

    /** The count to hand on, one more than this node's. */
    String next() {
        return Integer.toString(count == Integer.MAX_VALUE ? count : count + 1);
    }
}
