package dev.diag.protocol.result;

/**
 * {@code jcmd(Command[, Args])}: what the JVM printed for the command, as {@code jcmd PID Command
 * Args} would show it, cut at a cap: {@code cutChars} characters of the end were left out (0 when
 * none). {@code impactLevel} is the level the JVM states for the command (LOW, MEDIUM, HIGH).
 */
public record JcmdOutput(String command, String arguments, String impactLevel, String text, long cutChars) {
}
