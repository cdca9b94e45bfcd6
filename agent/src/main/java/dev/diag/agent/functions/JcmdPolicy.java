package dev.diag.agent.functions;

import static java.util.Map.entry;

import dev.diag.agent.probe.DiagnosticCommandInfo;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which of the JVM's diagnostic commands {@code jcmd(...)} will not run, each with the reason and
 * what to use instead. A cookie holder already runs code in the node (code:load_binary), so this is
 * not a sandbox; it keeps jcmd to what an operator means by "look at the JVM": nothing written or
 * read on the node's host at a path the caller names (diag's own heap_dump and jfr: functions check
 * theirs), no code loaded past diag's checks, no JMX or debugger listener opened beside diag's
 * authenticated one, and no lasting JVM setting changed that stop() could not put back. A command the JVM adds later is
 * refused too when one of its arguments names a file ({@link #namesAFile}), so a newer JDK's file
 * writer is not let through by default. No diagnostic command stops the VM.
 */
final class JcmdPolicy {
    private static final String FILES = "writes a file on the node's host where the caller says";
    private static final String FOR_GOOD = " for the rest of the JVM's life, which stop() cannot put back";
    private static final Map<String, String> REFUSED = Map.ofEntries(
            entry("GC.heap_dump", FILES + "; heap_dump(\"/tmp/orders.hprof\") checks the path and never overwrites"),
            entry("JFR.start", FILES + "; jfr:start(default) starts diag's own recording, and jfr:dump(Path) writes "
                    + "it where diag checks"),
            entry("JFR.dump", FILES + "; jfr:dump(\"/tmp/orders.jfr\") checks the path and never overwrites"),
            entry("JFR.stop", "may write a file where the caller says and stops recordings diag did not start; "
                    + "jfr:stop() stops diag's own"),
            entry("JFR.configure", "moves the flight recorder's repository and dump path" + FOR_GOOD),
            entry("Thread.dump_to_file", FILES + " (-overwrite replaces one); jcmd(\"Thread.print\") shows the same here"),
            entry("System.dump_map", FILES + "; jcmd(\"System.map\") shows the same here"),
            entry("Compiler.perfmap", "writes a file on the node's host (/tmp/perf-PID.map, or where the caller says)"),
            entry("VM.cds", "writes a class-data archive on the node's host"),
            entry("AOT.end_recording", "writes an ahead-of-time cache on the node's host"),
            entry("Compiler.directives_add", "reads a file on the node's host and changes how the JIT compiles" + FOR_GOOD),
            entry("Compiler.directives_remove", "changes how the JIT compiles" + FOR_GOOD),
            entry("Compiler.directives_clear", "changes how the JIT compiles" + FOR_GOOD),
            entry("VM.log", "reconfigures the JVM's logging, its output files included," + FOR_GOOD),
            entry("VM.set_flag", "changes a JVM flag (HeapDumpPath, HeapDumpOnOutOfMemoryError, ...)" + FOR_GOOD),
            entry("JVMTI.agent_load", "loads a native library or a Java agent into the node, past every check diag "
                    + "makes; code:load_file redefines classes with checks"),
            entry("VM.start_java_debugging", "opens the JDWP debugger's port (where the JVM was started with "
                    + "onjcmd=y), which takes no authentication and runs any code its peer sends"),
            entry("ManagementAgent.start", "opens a JMX port beside diag's authenticated one"),
            entry("ManagementAgent.start_local", "opens a local JMX connector beside diag's authenticated one"),
            entry("ManagementAgent.stop", "closes a JMX port the app may rely on"));

    private JcmdPolicy() {
    }

    /** Why {@code command} is never run by jcmd(...), or null when it may be. */
    static String refusal(DiagnosticCommandInfo command) {
        String named = REFUSED.get(command.name());
        if (named != null) {
            return named;
        }
        return command.arguments().stream().filter(JcmdPolicy::namesAFile).findFirst()
                .map(argument -> "takes a file on the node's host (its argument " + argument + "), and jcmd(...) names "
                        + "no files there")
                .orElse(null);
    }

    /** Why these {@code arguments} of an allowed command are refused, or null: VM.native_memory shutdown ends NMT. */
    static String refusal(DiagnosticCommandInfo command, List<String> arguments) {
        if (command.name().equals("VM.native_memory") && arguments.stream().anyMatch(a -> a.startsWith("shutdown"))) {
            return "VM.native_memory shutdown turns Native Memory Tracking off" + FOR_GOOD;
        }
        return null;
    }

    /** filename, filepath, output, repositorypath, dumppath, -F: the names the JVM gives an argument that is a path. */
    static boolean namesAFile(String argument) {
        String name = argument.toLowerCase(Locale.ROOT);
        return name.contains("file") || name.endsWith("path") || name.equals("output") || name.equals("-f");
    }
}
