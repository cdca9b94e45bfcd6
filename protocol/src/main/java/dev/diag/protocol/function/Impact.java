package dev.diag.protocol.function;

/**
 * A function's cost to the target, as jcmd documents each diagnostic command's ("High: walks the
 * heap"): the level the console asks before (HIGH), and one sentence with the measured pause.
 */
public record Impact(Level level, String description) {
    public enum Level { LOW, MEDIUM, HIGH }

    public static Impact low(String description) {
        return new Impact(Level.LOW, description);
    }

    public static Impact medium(String description) {
        return new Impact(Level.MEDIUM, description);
    }

    public static Impact high(String description) {
        return new Impact(Level.HIGH, description);
    }
}
