package dev.diag.agent.probe.logging;

/** One logger's level of its own ({@code level}, null when it inherits) and the level it logs at. */
public record LoggerState(String name, String level, String effective) {
}
