package dev.diag.it;

import dev.diag.protocol.node.NodeRecord;
import dev.diag.protocol.node.NodeRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real target JVM in its own process, started with {@code -javaagent:diag-agent.jar}, as a
 * user would start their service. Waits until the node is in the registry; output goes to a file
 * so a test can read what the agent printed on the target's stderr.
 */
public final class TargetJvm implements AutoCloseable {
    private final Process process;
    private final Path output;
    private final String name;

    private TargetJvm(Process process, Path output, String name) {
        this.process = process;
        this.output = output;
        this.name = name;
    }

    /** Starts {@code mainClass} from the test fixtures with the agent as node {@code name}. */
    public static TargetJvm start(Path java, DiagHomeDir home, String name, String agentExtras, String classPath,
            String mainClass, String... programArgs) throws IOException, InterruptedException {
        return start(java, home, name, agentExtras, List.of(), classPath, mainClass, programArgs);
    }

    /** As {@link #start(Path, DiagHomeDir, String, String, String, String, String...)}, with JVM flags such as -XX options. */
    public static TargetJvm start(Path java, DiagHomeDir home, String name, String agentExtras, List<String> jvmArgs,
            String classPath, String mainClass, String... programArgs) throws IOException, InterruptedException {
        List<String> launch = new ArrayList<>(jvmArgs);
        launch.addAll(List.of("-cp", classPath, mainClass));
        launch.addAll(List.of(programArgs));
        return launch(java, home, name, agentExtras, launch);
    }

    /** Starts {@code module/mainClass} from {@code modulePath}, an app of named modules, with the agent as node {@code name}. */
    public static TargetJvm startModule(Path java, DiagHomeDir home, String name, String modulePath, String moduleAndMain)
            throws IOException, InterruptedException {
        return launch(java, home, name, "", List.of("--module-path", modulePath, "-m", moduleAndMain));
    }

    private static TargetJvm launch(Path java, DiagHomeDir home, String name, String agentExtras, List<String> launch)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile(home.path(), "target-" + name, ".log");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx128m", "-XX:+UseG1GC",
                "-javaagent:" + Repo.AGENT_JAR + "=name=" + name + (agentExtras.isEmpty() ? "" : "," + agentExtras)));
        command.addAll(launch);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("DIAG_HOME", home.path().toString());
        builder.environment().remove("DIAG_COOKIE_FILE");
        builder.environment().put("DIAG_DIRECTORY_PORT", Integer.toString(home.directoryPort()));
        TargetJvm target = new TargetJvm(builder.start(), output, name);
        target.awaitRegistered(home);
        return target;
    }

    /**
     * Starts the idle fixture with the agent as node {@code name}, for an agent that is expected
     * NOT to start: returns once the application printed its own first line (premain has run by
     * then), without waiting for a registry record.
     */
    public static TargetJvm startRefused(DiagHomeDir home, String name, String agentExtras)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile(home.path(), "target-" + name, ".log");
        ProcessBuilder builder = new ProcessBuilder(Jdks.current().toString(), "-Xmx128m",
                "-javaagent:" + Repo.AGENT_JAR + "=name=" + name + (agentExtras.isEmpty() ? "" : "," + agentExtras),
                "-cp", Repo.TEST_CLASSES.toString(), "dev.diag.it.fixture.IdleTarget")
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("DIAG_HOME", home.path().toString());
        builder.environment().remove("DIAG_COOKIE_FILE");
        builder.environment().put("DIAG_DIRECTORY_PORT", Integer.toString(home.directoryPort()));
        TargetJvm target = new TargetJvm(builder.start(), output, name);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!target.output().contains("idle target up") && System.nanoTime() < deadline && target.process.isAlive()) {
            Thread.sleep(20);
        }
        return target;
    }

    /**
     * Starts {@code mainClass} WITHOUT the agent, as a JVM someone else started, with its own
     * DIAG_HOME unset (the agent, injected later, is told the shell's); waits up to 30 s for its first line.
     */
    public static TargetJvm startPlain(Path java, DiagHomeDir home, String classPath, String mainClass,
            String... jvmArgs) throws IOException, InterruptedException {
        Path output = Files.createTempFile(home.path(), "plain", ".log");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx128m"));
        command.addAll(List.of(jvmArgs));
        command.addAll(List.of("-cp", classPath, mainClass));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().remove("DIAG_HOME");
        noDirectory(builder);
        TargetJvm target = new TargetJvm(builder.start(), output, null);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (target.output().isEmpty() && System.nanoTime() < deadline && target.process.isAlive()) {
            Thread.sleep(20);
        }
        if (target.output().isEmpty()) {
            String how = target.process.isAlive() ? "within 30 s" : "and exited with " + target.process.exitValue();
            target.close();
            throw new IllegalStateException("plain target " + mainClass + " printed nothing " + how);
        }
        return target;
    }

    /**
     * No directory port for a JVM someone else started (the default, 4370, is shared by every node
     * of this user on the machine, other people's included, and a test must neither join nor depend
     * on them); a target of a home serves the home's private port, unless a test gives the agent
     * option {@code directory-port=N}, which beats the variable.
     */
    private static void noDirectory(ProcessBuilder builder) {
        builder.environment().put("DIAG_DIRECTORY_PORT", "0");
    }

    public static TargetJvm start(DiagHomeDir home, String name) throws IOException, InterruptedException {
        return start(Jdks.current(), home, name, "", Repo.TEST_CLASSES.toString(), "dev.diag.it.fixture.IdleTarget");
    }

    private void awaitRegistered(DiagHomeDir home) throws IOException, InterruptedException {
        NodeRegistry registry = new NodeRegistry(home.path().resolve("nodes"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Optional<NodeRecord> record = registry.lookup(name);
            if (record.isPresent() && record.get().pid() == process.pid()) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("target " + name + " exited at start:\n" + output());
            }
            Thread.sleep(20);
        }
        close();
        throw new IllegalStateException("target " + name + " did not register within 30 s:\n" + output());
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Everything the target printed so far (stdout and stderr together). */
    public String output() throws IOException {
        return Files.readString(output);
    }

    /** Waits until a line printed from now on contains {@code text}. */
    public void awaitLine(String text) throws IOException, InterruptedException {
        awaitLineAfter(output().length(), text);
    }

    /** Waits until the output after its first {@code from} characters contains {@code text} (20 s at most). */
    public void awaitLineAfter(int from, String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String now = output();
            if (now.length() > from && now.substring(from).contains(text)) {
                return;
            }
            Thread.sleep(20);
        }
        String now = output();
        throw new AssertionError("the target printed no line with " + text + " within 20 s:\n"
                + (now.length() < 2000 ? now : "…" + now.substring(now.length() - 2000)));
    }

    /** Kills the target as a crash would: no shutdown hooks, the registry entry stays behind. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the target with pid " + process.pid() + " still runs 10 s after SIGKILL");
        }
    }

    /** Tells the target to exit with SIGTERM, as a service manager does, and returns at once: its hooks run. */
    public void terminate() throws IOException, InterruptedException {
        signal("-TERM");
    }

    /** Stops the target with SIGSTOP, as a node hung in a long GC or swapped out looks from outside. */
    public void suspend() throws IOException, InterruptedException {
        signal("-STOP");
    }

    /** Lets a {@link #suspend suspended} target run again; call it before close, as SIGTERM waits while it is stopped. */
    public void resume() throws IOException, InterruptedException {
        signal("-CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed");
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
