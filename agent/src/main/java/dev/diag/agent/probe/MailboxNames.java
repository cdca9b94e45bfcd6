package dev.diag.agent.probe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names for mailboxes that have none of their own. An executor is named after its threads, as
 * an operator already knows them: "request-handler" for request-handler-1..8, "pool-3-thread"
 * for pool-3-thread-N; failing that, after its class and identity ("ThreadPoolExecutor@1b6d3586").
 */
public final class MailboxNames {
    private MailboxNames() {
    }

    /** The common prefix of the workers' names, without trailing digits and separators. */
    public static String fromWorkers(List<Thread> workers, Object executor) {
        String prefix = null;
        for (Thread worker : workers) {
            String name = worker.getName();
            prefix = prefix == null ? name : common(prefix, name);
            if (prefix.isEmpty()) {
                break;
            }
        }
        String trimmed = prefix == null ? "" : trim(prefix);
        return trimmed.isEmpty() ? identity(executor) : trimmed;
    }

    /** E.g. {@code ThreadPoolExecutor@1b6d3586}: stable for the executor's life. */
    static String identity(Object executor) {
        return executor.getClass().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(executor));
    }

    private static String common(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return a.substring(0, i);
    }

    /** "pool-3-thread-1" → "pool-3-thread"; "worker-1" (the prefix of worker-10, worker-11) → "worker". */
    private static String trim(String prefix) {
        int end = prefix.length();
        while (end > 0 && Character.isDigit(prefix.charAt(end - 1))) {
            end--;
        }
        while (end > 0 && "-_.#: ".indexOf(prefix.charAt(end - 1)) >= 0) {
            end--;
        }
        return prefix.substring(0, end);
    }

    /**
     * Makes the names unique: where several mailboxes share one, each found one (not registered:
     * the app chose that name) gets its identity appended; what still clashes gets "#2", "#3".
     */
    static List<MailboxCandidate> unique(List<MailboxCandidate> candidates) {
        Map<String, Integer> counts = new HashMap<>();
        for (MailboxCandidate c : candidates) {
            counts.put(c.name(), counts.getOrDefault(c.name(), 0) + 1);
        }
        List<MailboxCandidate> renamed = new ArrayList<>(candidates.size());
        for (MailboxCandidate c : candidates) {
            boolean clash = counts.get(c.name()) > 1 && c.source() != null;
            renamed.add(clash ? c.withName(c.name() + "@" + Integer.toHexString(System.identityHashCode(c.source()))) : c);
        }
        Map<String, Integer> seen = new HashMap<>();
        List<MailboxCandidate> result = new ArrayList<>(renamed.size());
        for (MailboxCandidate c : renamed) {
            int n = seen.getOrDefault(c.name(), 0) + 1;
            seen.put(c.name(), n);
            result.add(n == 1 ? c : c.withName(c.name() + "#" + n));
        }
        return result;
    }
}
