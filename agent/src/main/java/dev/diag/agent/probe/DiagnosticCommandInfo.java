package dev.diag.agent.probe;

import java.util.List;

/**
 * One diagnostic command as the JVM describes it in the DiagnosticCommand MBean's operation
 * descriptor: its jcmd name ({@code VM.flags}), the MBean operation that runs it ({@code vmFlags}),
 * the JVM's own impact text ({@code "Medium: Depends on the number of threads."}), its one-line
 * description, and the names of its arguments and options ({@code filename}, {@code -all}).
 */
public record DiagnosticCommandInfo(String name, String operation, String impact, String description,
        List<String> arguments) {
}
