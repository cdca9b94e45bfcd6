package dev.diag.protocol.result;

/**
 * {@code heart:get_cmd()}, {@code heart:set_cmd(Cmd)}, {@code heart:clear_cmd()}: the command heart
 * runs, through {@code sh}, to start the node again after killing it, exactly as set (any length up
 * to {@link #MAX_BYTES} bytes of UTF-8), and where it came from: {@code set_cmd},
 * {@code heart-command-file} (the agent option), {@code HEART_COMMAND} (the node's environment),
 * {@code code} (the embedding API) or {@code none}; with none, {@code command} is empty and heart
 * only kills.
 */
public record HeartCommand(String command, String source) {
    /** The longest command, in bytes of UTF-8: heart holds it in a heap of 16 MiB. */
    public static final int MAX_BYTES = 1024 * 1024;
    public static final String NONE = "none";
}
