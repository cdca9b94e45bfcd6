package dev.diag.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

/**
 * A cgroup of the pids controller made for one target: a child of the test's own pids cgroup with
 * its own pids.max, and a launcher script that moves itself into it and then execs java, so only
 * that target (and not the test, nor anyone else's processes) is held to the limit. Making one
 * needs a writable cgroup tree (root, or a delegated subtree); {@link #create} is empty where
 * there is none, for an assumption. Removed on close, once its target has exited.
 *
 * <pre>
 * try (PidsCgroup group = PidsCgroup.create("whyit", 300).orElseThrow()) {
 *     TargetJvm.start(group.launcher(Jdks.current()), home, ...);
 * </pre>
 */
final class PidsCgroup implements AutoCloseable {
    private final Path dir;
    private Path script;

    private PidsCgroup(Path dir) {
        this.dir = dir;
    }

    /** A new group allowing {@code maxTasks} threads, or empty where this process cannot make one. */
    static Optional<PidsCgroup> create(String name, int maxTasks) throws IOException {
        Optional<Path> parent = ownGroup();
        if (parent.isEmpty() || !Files.isWritable(parent.get())) {
            return Optional.empty();
        }
        Path dir = parent.get().resolve("diag-" + name + "-" + ProcessHandle.current().pid());
        try {
            Files.createDirectory(dir);
            Files.writeString(dir.resolve("pids.max"), Integer.toString(maxTasks));
        } catch (IOException e) {
            Files.deleteIfExists(dir);
            return Optional.empty();
        }
        return Optional.of(new PidsCgroup(dir));
    }

    /**
     * The directory of this process's pids cgroup: the v1 pids hierarchy where there is one, as the
     * agent's CgroupPids reads it, else the v2 tree when it has the pids controller.
     */
    private static Optional<Path> ownGroup() throws IOException {
        Path self = Path.of("/proc/self/cgroup");
        if (!Files.isReadable(self)) {
            return Optional.empty();
        }
        String v2 = null;
        for (String line : Files.readAllLines(self)) {
            String[] fields = line.split(":", 3);
            if (fields.length < 3) {
                continue;
            }
            if (fields[0].equals("0") && fields[1].isEmpty()) {
                v2 = fields[2];
            } else if (List.of(fields[1].split(",")).contains("pids")) {
                return Optional.of(Path.of("/sys/fs/cgroup/pids" + fields[2]));
            }
        }
        if (v2 == null) {
            return Optional.empty();
        }
        Path group = Path.of("/sys/fs/cgroup" + v2);
        Path controllers = group.resolve("cgroup.subtree_control");
        return Files.isReadable(controllers) && Files.readString(controllers).contains("pids")
                ? Optional.of(group) : Optional.empty();
    }

    /** A script to pass as the target's java: it joins this group, then execs {@code java} with its arguments. */
    Path launcher(Path java) throws IOException {
        script = Files.createTempFile("diag-" + dir.getFileName(), "-java.sh");
        Files.writeString(script, "#!/bin/sh\necho $$ > '" + dir.resolve("cgroup.procs") + "' || exit 97\nexec '" + java
                + "' \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    /** Removes the group; the kernel refuses while a task is still in it, so this retries for a few seconds. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (script != null) {
            Files.deleteIfExists(script);
        }
        for (int i = 0; i < 50 && Files.exists(dir); i++) {
            try {
                Files.delete(dir);
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
    }
}
