package dev.diag.protocol.result;

/**
 * {@code system_info(process_count)}: the JVM's live threads, as Erlang counts its processes.
 * {@code live} counts platform threads (daemon ones included); {@code virtual} is the count of
 * virtual threads, null until the agent can count them; {@code note} then says so on JDK 21+
 * targets, where virtual threads may exist, and is null elsewhere.
 */
public record ThreadCount(String item, int live, int daemon, int peak, long started, Integer virtual, String note) {
    public static final String ITEM = "process_count";

    public ThreadCount(int live, int daemon, int peak, long started, Integer virtual, String note) {
        this(ITEM, live, daemon, peak, started, virtual, note);
    }
}
