package dev.diag.shell.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The JVMs running in containers on this host, which the attach API's {@code VirtualMachine.list()}
 * does not see (it reads this namespace's /tmp/hsperfdata_*): every process under /proc whose
 * executable is a {@code java} and whose mount, network or pid namespace is not ours, as jattach
 * finds them. Only processes we may inspect (ours, or all as root) are seen. Costs a few reads of
 * /proc per process, no attach.
 */
final class ContainerJvms {
    /** Launcher options whose value is the next argument, so it is not taken for the main class. */
    private static final Set<String> WITH_VALUE = Set.of("-cp", "-classpath", "--class-path", "-p", "--module-path",
            "--add-modules", "--add-opens", "--add-exports", "--add-reads", "--upgrade-module-path");

    private ContainerJvms() {
    }

    /** One containerised JVM: its pid on this host and in its container, and what it runs. */
    record Jvm(long pid, long innerPid, String main) {
        String describe() {
            return main + " (in a container, pid " + innerPid + " there)";
        }
    }

    static List<Jvm> list() {
        List<Jvm> jvms = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                long pid = Long.parseLong(process.getFileName().toString());
                if (pid != self && isJava(process)) {
                    try {
                        Container.of(pid).ifPresent(c -> jvms.add(new Jvm(pid, c.innerPid(), main(process))));
                    } catch (DiagException e) {
                        // another user's, or gone meanwhile: not ours to list
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return jvms; // no /proc here: no containers to find
        }
        jvms.sort(Comparator.comparingLong(Jvm::pid));
        return jvms;
    }

    private static boolean isJava(Path process) {
        try {
            return Files.readSymbolicLink(process.resolve("exe")).getFileName().toString().equals("java");
        } catch (IOException | RuntimeException e) {
            return false; // a kernel thread, another user's process, or gone
        }
    }

    /** The main class or jar from the command line, as jps shows it; "?" when it cannot be told. */
    static String main(Path process) {
        try {
            String[] args = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8).split("\0");
            return main(args);
        } catch (IOException e) {
            return "?";
        }
    }

    static String main(String[] args) {
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-jar") || arg.equals("-m") || arg.equals("--module")) {
                return i + 1 < args.length ? args[i + 1] : "?";
            }
            if (WITH_VALUE.contains(arg)) {
                i++;
            } else if (!arg.startsWith("-")) {
                return arg;
            }
        }
        return "?";
    }
}
