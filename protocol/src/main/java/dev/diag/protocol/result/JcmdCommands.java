package dev.diag.protocol.result;

import java.util.List;

/**
 * {@code jcmd()}: the diagnostic commands the node's JVM offers, as its DiagnosticCommand MBean
 * describes them, each with the JVM's own statement of its impact ("Medium: Depends on the number
 * of threads.") and the level read from it. {@code refused} says why diag does not run a command
 * (it writes files on the node's host, loads code, changes lasting settings) and what to use
 * instead; null for those it runs.
 */
public record JcmdCommands(List<Command> commands) {

    /** One command: {@code VM.flags}, LOW, "Low", "Print VM flag options and their current values.", null. */
    public record Command(String name, String impactLevel, String impact, String description, String refused) {
    }
}
