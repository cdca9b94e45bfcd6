package dev.diag.protocol.result;

/** One function as the agent describes it: arity and what calling it costs the target (level LOW, MEDIUM or HIGH). */
public record FunctionInfo(String name, int minArity, int maxArity, String impactLevel, String impact) {
}
