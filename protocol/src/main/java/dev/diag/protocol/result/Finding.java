package dev.diag.protocol.result;

import java.util.List;

/**
 * One thing {@code why()} found wrong. {@code kind} is one of {@link #KINDS}; {@code summary} is
 * one sentence naming the culprit; {@code heldUp} is how many processes it holds up (findings are
 * ranked by it); {@code evidence} are the numbers behind it, one fact a line; {@code pids} lists the
 * culprit first (drainer, holder, spinner), then some of those held up (at most 10);
 * {@code next} is a call to type for more, e.g. {@code process_info(<11>, backtrace)}.
 */
public record Finding(String kind, String summary, int heldUp, List<String> evidence, List<ProcessRef> pids,
        String next) {
    public static final String MAILBOX = "mailbox";
    public static final String CONVOY = "convoy";
    public static final String DEADLOCK = "deadlock";
    public static final String SATURATED_POOL = "saturated_pool";
    public static final String SPINNING = "spinning";
    public static final String HEAP = "heap";
    public static final String PROCESS_LIMIT = "process_limit";
    public static final String SHUTDOWN = "shutdown";
    public static final List<String> KINDS = List.of(MAILBOX, CONVOY, DEADLOCK, SATURATED_POOL, SPINNING, HEAP,
            PROCESS_LIMIT, SHUTDOWN);
}
