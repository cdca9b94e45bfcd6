package dev.diag.it;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a process costs the machine, read from outside through /proc as ps and top do: its
 * resident set (VmRSS) and its threads by name (/proc/PID/task/N/comm, which the kernel cuts at
 * 15 characters; "diag-call-1" fits).
 */
record ProcessFootprint(long rssKib, List<String> threadNames) {

    static ProcessFootprint of(long pid) throws IOException {
        return new ProcessFootprint(rssKib(pid), threadNames(pid));
    }

    int threads() {
        return threadNames.size();
    }

    /** Threads named as the agent names its own ("diag-io", "diag-call-N", "diag-heart", "diag-stop"). */
    List<String> agentThreads() {
        return threadNames.stream().filter(n -> n.startsWith("diag-")).toList();
    }

    /** Names of threads here and not in {@code earlier}, one per extra thread of a name. */
    List<String> newSince(ProcessFootprint earlier) {
        List<String> left = new ArrayList<>(threadNames);
        earlier.threadNames.forEach(left::remove);
        return left;
    }

    double rssMib() {
        return rssKib / 1024.0;
    }

    private static long rssKib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS in /proc/" + pid + "/status");
    }

    private static List<String> threadNames(long pid) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    names.add(Files.readString(task.resolve("comm")).strip());
                } catch (NoSuchFileException e) {
                    // the thread ended while we listed them
                }
            }
        }
        return names;
    }
}
