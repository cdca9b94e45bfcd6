package dev.diag.agent.functions;

/** A function's cost to the target, as jcmd documents each diagnostic command's. */
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
