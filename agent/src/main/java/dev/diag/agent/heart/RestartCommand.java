package dev.diag.agent.heart;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the restart command once, detached, as {@code sh -c} would, with the node's environment
 * and working directory, and returns without waiting for it.
 *
 * <pre>
 * setsid sh -c 'c=$(cat); exec &lt;/dev/null; eval "$c"'   ← the command's bytes on stdin
 * </pre>
 *
 * The command travels through a pipe, not as an argument: an argument is capped at 128 KiB by
 * Linux and re-encoded by Java in the locale's charset (ASCII under LANG=C), so a long or
 * multibyte command would not arrive as set. {@code setsid} (where it exists) puts it in a session
 * of its own, so nothing sent to the dead node's terminal or process group reaches the new node.
 * Its stdin is /dev/null; its stdout and stderr are heart's, which are the old node's.
 */
final class RestartCommand {
    static final String WRAPPER = "c=$(cat); exec </dev/null; eval \"$c\"";

    private RestartCommand() {
    }

    /** Starts {@code command}; {@code restarts} and {@code reason} go into its environment for the new node. */
    static Process run(byte[] command, Restarts restarts, String reason) throws IOException {
        List<String> argv = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid"))) {
            argv.add("setsid");
        }
        argv.addAll(List.of("sh", "-c", WRAPPER));
        ProcessBuilder builder = new ProcessBuilder(argv)
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        environment(builder.environment(), restarts, reason);
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(command);
        }
        return process;
    }

    /** The node's environment as it was: heart's, with the JVM option variables put back and the restart count handed on. */
    static void environment(Map<String, String> environment, Restarts restarts, String reason) {
        for (String name : HeartLauncher.JAVA_OPTION_VARIABLES) {
            String saved = environment.remove(HeartLauncher.SAVED + name);
            if (saved != null) {
                environment.put(name, saved);
            }
        }
        environment.put(Restarts.COUNT, restarts.next());
        environment.put(Restarts.LAST, reason);
    }
}
