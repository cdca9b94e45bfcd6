package dev.diag.protocol.result;

/**
 * {@code system_info(process_count)}: the JVM's live threads, as Erlang counts its processes.
 * {@code processes} is every live thread, platform and virtual; {@code live} counts the platform
 * threads (daemon ones included), {@code virtual} the virtual threads: null where there are none
 * to count (JDK 17) or the agent cannot count them, which {@code note} then says.
 */
public record ThreadCount(String item, long processes, int live, int daemon, int peak, long started, Long virtual,
        String note) {
    public static final String ITEM = "process_count";

    public ThreadCount(int live, int daemon, int peak, long started, Long virtual, String note) {
        this(ITEM, live + (virtual == null ? 0 : virtual), live, daemon, peak, started, virtual, note);
    }
}
