package dev.diag.agent.heart;

import dev.diag.agent.AgentOptions.BadOptionException;

/**
 * Heart's part of the agent options: {@code heart=true} turns the watchdog on; the others take
 * effect only with it.
 *
 * <pre>
 * heart=true|false          start heart with the agent (default false)
 * heart-timeout=SECONDS     no beat for this long and heart kills and restarts the node
 *                           (default 60, at least 10, at most 86400)
 * heart-command-file=PATH   read the restart command from this file (UTF-8, trailing newlines
 *                           dropped) instead of $HEART_COMMAND: an option value cannot hold ','
 * </pre>
 *
 * {@code command} is for the embedding API only (code has no trouble with commas): it beats the
 * file and $HEART_COMMAND. A timeout out of range is refused, never quietly replaced: Erlang's
 * heart reads HEART_BEAT_TIMEOUT=10 and silently uses 60.
 */
public record HeartOptions(boolean enabled, int timeoutSeconds, String commandFile, String command) {
    public static final int MIN_TIMEOUT = 10;
    public static final int MAX_TIMEOUT = 86_400;
    public static final int DEFAULT_TIMEOUT = 60;
    public static final HeartOptions OFF = new HeartOptions(false, DEFAULT_TIMEOUT, null, null);
    /** The option keys, for the agent's list of known options. */
    public static final String KEYS = "heart, heart-timeout, heart-command-file";

    public HeartOptions {
        if (timeoutSeconds < MIN_TIMEOUT || timeoutSeconds > MAX_TIMEOUT) {
            throw new IllegalArgumentException(timeoutRule("heart timeout " + timeoutSeconds));
        }
    }

    /** Heart on, restarting the node with {@code command} (null: the file or $HEART_COMMAND) after {@code timeoutSeconds}. */
    public static HeartOptions on(int timeoutSeconds, String command) {
        return new HeartOptions(true, timeoutSeconds, null, command);
    }

    /** These options with one more {@code key=value} from the agent's option string. */
    public HeartOptions with(String key, String value) throws BadOptionException {
        return switch (key) {
            case "heart" -> new HeartOptions(flag(value), timeoutSeconds, commandFile, command);
            case "heart-timeout" -> new HeartOptions(enabled, timeout(value), commandFile, command);
            case "heart-command-file" -> {
                if (value.isEmpty()) {
                    throw new BadOptionException("agent option heart-command-file= needs a path");
                }
                yield new HeartOptions(enabled, timeoutSeconds, value, command);
            }
            default -> throw new IllegalArgumentException("not a heart option: " + key);
        };
    }

    private static boolean flag(String value) throws BadOptionException {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BadOptionException("agent option heart=" + value + " must be true or false");
        };
    }

    private static int timeout(String value) throws BadOptionException {
        try {
            int seconds = Integer.parseInt(value);
            if (seconds >= MIN_TIMEOUT && seconds <= MAX_TIMEOUT) {
                return seconds;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new BadOptionException(timeoutRule("agent option heart-timeout=" + value));
    }

    private static String timeoutRule(String what) {
        return what + " must be a number of seconds from " + MIN_TIMEOUT + " to " + MAX_TIMEOUT
                + " (a shorter one would restart nodes that are only slow)";
    }
}
