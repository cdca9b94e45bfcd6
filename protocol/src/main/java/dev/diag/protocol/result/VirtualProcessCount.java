package dev.diag.protocol.result;

/**
 * {@code system_info(virtual_process_count)}: the virtual threads alone, from the JDK's thread
 * containers' counters (no thread is visited). {@code virtual} is null where the agent cannot count
 * them and 0 on JDK 17, which has none; {@code listable} is false where the JVM keeps no list of the
 * directly started ones ({@code -Djdk.trackAllThreads=false}); {@code note} says why, in a sentence.
 */
public record VirtualProcessCount(String item, Long virtual, int platform, boolean listable, String note) {
    public static final String ITEM = "virtual_process_count";

    public VirtualProcessCount(Long virtual, int platform, boolean listable, String note) {
        this(ITEM, virtual, platform, listable, note);
    }
}
