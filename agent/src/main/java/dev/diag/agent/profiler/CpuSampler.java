package dev.diag.agent.profiler;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Which sampler async-profiler's {@code cpu} event runs on. It prefers perf_events, one file
 * descriptor per thread, and falls back to a CPU timer (timer_create) without saying so where
 * perf_event_open is refused (kernel.perf_event_paranoid, a container's seccomp filter); the timer
 * sees no kernel frames. So while it samples, this looks for those descriptors in /proc/self/fd:
 * a fact, where guessing from the sysctl would miss seccomp.
 */
public final class CpuSampler {
    public static final String PERF_EVENTS = "perf_events";
    public static final String TIMER = "ctimer";

    private CpuSampler() {
    }

    /** PERF_EVENTS if a descriptor in {@code fdDir} (this process's /proc/self/fd) is a perf event, else TIMER. */
    public static String of(Path fdDir) {
        if (!Files.isDirectory(fdDir)) {
            return TIMER; // not Linux: async-profiler samples CPU with a timer there
        }
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(fdDir)) {
            for (Path fd : fds) {
                try {
                    if (Files.readSymbolicLink(fd).toString().contains("perf_event")) {
                        return PERF_EVENTS;
                    }
                } catch (IOException | UnsupportedOperationException e) {
                    // closed while listed: not one of the profiler's, which stay open while it samples
                }
            }
        } catch (IOException e) {
            return TIMER;
        }
        return TIMER;
    }

    public static String ofThisProcess() {
        return of(Paths.get("/proc/self/fd"));
    }

    /** Why perf events may be refused here, for the note: the sysctl's value, or null where there is none. */
    public static String paranoid() {
        try {
            return Files.readString(Paths.get("/proc/sys/kernel/perf_event_paranoid")).trim();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
