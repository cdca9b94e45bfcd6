package dev.diag.agent.heart;

import dev.diag.protocol.node.ProcessStart;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Starts heart: a small JVM of its own, from the agent's jar, with the node's java.
 *
 * <pre>
 * /usr/lib/jvm/java-17/bin/java -Xmx16m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 ... \
 *     -Ddiag.heart=orders@vm -cp diag-agent.jar dev.diag.agent.heart.HeartMain 4242 183742 60 orders@vm
 * </pre>
 *
 * About 40 MB resident, 14 threads and 70 ms of CPU a minute (measured): C1 only, one compiler
 * thread, serial GC, a 16 MiB heap, no perf-data file. Its stdin is the beat pipe; its stdout and
 * stderr are the node's, so its log lines land where the node's do, and so does the output of the
 * restart command it runs. Its environment is the node's without JAVA_TOOL_OPTIONS,
 * JDK_JAVA_OPTIONS and _JAVA_OPTIONS (which would load the node's agents into heart, this one
 * included), saved under {@code DIAG_HEART_SAVED_<NAME>} for heart to put back for the restart
 * command.
 */
final class HeartLauncher {
    static final List<String> JAVA_OPTION_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");
    static final String SAVED = "DIAG_HEART_SAVED_";

    private HeartLauncher() {
    }

    static Process start(String node, int timeoutSeconds) throws IOException {
        long pid = ProcessHandle.current().pid();
        List<String> command = new ArrayList<>(List.of(java(),
                "-XX:+IgnoreUnrecognizedVMOptions", // a JVM other than HotSpot runs heart without these
                "-Xmx16m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1",
                "-XX:-UsePerfData", "-XX:+DisableAttachMechanism", "-Xshare:auto",
                "-Ddiag.heart=" + node, // what `ps` shows: whose heart this is
                "-cp", classPath(), HeartMain.class.getName(),
                Long.toString(pid), Long.toString(ProcessStart.ticks(pid).orElse(-1)),
                Integer.toString(timeoutSeconds), node));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        Map<String, String> environment = builder.environment();
        for (String name : JAVA_OPTION_VARIABLES) {
            String value = environment.remove(name);
            if (value != null) {
                environment.put(SAVED + name, value);
            }
        }
        return builder.start();
    }

    /** The node's own java executable, as the OS reports it; else the one under java.home. */
    private static String java() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Where heart's classes are: the agent jar (everything in one), or, in a build, the module's directories. */
    private static String classPath() throws IOException {
        Set<String> entries = new LinkedHashSet<>();
        entries.add(location(HeartMain.class));
        entries.add(location(ProcessStart.class));
        return String.join(File.pathSeparator, entries);
    }

    private static String location(Class<?> type) throws IOException {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        try {
            if (source != null && source.getLocation() != null && source.getLocation().getProtocol().equals("file")) {
                Path path = Path.of(source.getLocation().toURI());
                if (Files.exists(path)) {
                    return path.toString();
                }
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // said below
        }
        throw new IOException("cannot tell which file holds " + type.getName() + " (" + (source == null ? "no code source"
                : source.getLocation()) + "), so heart cannot be started from it");
    }
}
