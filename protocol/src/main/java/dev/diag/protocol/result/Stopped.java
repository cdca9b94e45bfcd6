package dev.diag.protocol.result;

/**
 * {@code stop()}: the node that is about to stop, sent before it closes anything, so the answer
 * reaches the caller. {@code heart} is {@code off} (heart was not running) or {@code stopped}
 * (stop(heart): heart said goodbye and exits without a restart). {@code redefinedClasses} is how
 * many classes diag redefined (code:load_file, code:rollback) during this agent's life: they keep
 * the code they run now, since stopping the agent undoes no redefinition.
 */
public record Stopped(String node, String heart, int redefinedClasses) {
    public static final String HEART_OFF = "off";
    public static final String HEART_STOPPED = "stopped";
}
