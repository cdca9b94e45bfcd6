package dev.diag.shell.cli;

import dev.diag.protocol.cookie.DiagHome;
import dev.diag.protocol.node.NodeRecord;
import dev.diag.protocol.node.NodeRegistry;
import dev.diag.shell.repl.Console;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code diag demo}: starts the demo service (a worker pool logging through logback's AsyncAppender) in its own JVM
 * with the agent, attaches a console to it, and stops it when the console closes. With
 * {@code --cmd}, runs the calls and stops it.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = DiagVersion.class, description = "Start a demo node with the agent and attach to it; it stops when you leave.")
public final class DemoCommand implements Callable<Integer> {
    static final String NODE = "demo";
    private static final long START_TIMEOUT_MILLIS = 20_000;

    @Option(names = "--cmd", paramLabel = "EXPR", description = "run these calls on the demo node instead of a console")
    List<String> commands = new ArrayList<>();

    @Option(names = "--leak", description = "reproduce the classic backlog: 5 s after start the disk behind logback's "
            + "AsyncAppender ASYNC turns slow, its queue fills and request handlers pile up behind it (see README)")
    boolean leak;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() throws DiagException {
        Installation installation = Installation.locate();
        DiagHome home = DiagHome.fromEnvironment();
        NodeRegistry registry = new NodeRegistry(home.nodes());
        Optional<NodeRecord> running = registry.lookup(NODE);
        if (running.isPresent()) {
            throw new DiagException(ExitCode.USAGE, "a demo node already runs (pid " + running.get().pid()
                    + "); attach to it with diag attach demo, or stop it first.");
        }
        Process demo = start(installation, home);
        try {
            awaitRegistration(registry, demo, home.dir().resolve("demo.log"));
            return commands.isEmpty()
                    ? Console.run(connection.connector(), NODE)
                    : ScriptRunner.run(connection.connector(), NODE, commands, connection.printer());
        } finally {
            demo.destroy();
            try {
                if (!demo.waitFor(5, TimeUnit.SECONDS)) {
                    demo.destroyForcibly();
                }
            } catch (InterruptedException e) {
                demo.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private Process start(Installation installation, DiagHome home) throws DiagException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String agentOptions = "name=" + NODE + (connection.cookieFile == null ? "" : ",cookie-file=" + connection.cookieFile);
        try {
            home.create();
            Path log = home.dir().resolve("demo.log");
            return new ProcessBuilder(java.toString(), "-Xmx256m",
                    "-javaagent:" + installation.agentJar() + "=" + agentOptions,
                    "-jar", installation.demoJar().toString(), leak ? "--leak" : "--healthy")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new DiagException(ExitCode.UNREACHABLE, "cannot start the demo node: " + e.getMessage() + ".");
        }
    }

    private static void awaitRegistration(NodeRegistry registry, Process demo, Path log) throws DiagException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
        while (System.nanoTime() < deadline) {
            Optional<NodeRecord> record = registry.lookup(NODE);
            if (record.isPresent() && record.get().pid() == demo.pid()) {
                return;
            }
            if (!demo.isAlive()) {
                throw new DiagException(ExitCode.UNREACHABLE, "the demo node exited at start; its output is in " + log + ".");
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new DiagException(ExitCode.UNREACHABLE, "the demo node did not come up within "
                + START_TIMEOUT_MILLIS / 1000 + " s; its output is in " + log + ".");
    }
}
