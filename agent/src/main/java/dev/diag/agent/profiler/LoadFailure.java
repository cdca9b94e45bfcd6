package dev.diag.agent.profiler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Why async-profiler's native library would not load, as the one sentence the caller reads. The
 * JVM's own message ("Error relocating ...: __memcpy_chk: symbol not found", "failed to map segment
 * from shared object") is kept, and the two usual causes are named where the node shows them: a
 * musl libc (Alpine), which the glibc-built library cannot link against, and a temporary directory
 * mounted noexec, from which no library can be mapped.
 *
 * <pre>
 * LoadFailure.sentence("linux-x64", "failed to map segment from shared object", false, "/tmp")
 *   → "async-profiler's linux-x64 library does not load in this JVM (failed to map segment ...):
 *      /tmp is mounted noexec, so no library can be loaded from it; restart the node with
 *      -Djava.io.tmpdir=DIR on a filesystem that allows it"
 * </pre>
 */
final class LoadFailure {
    private LoadFailure() {
    }

    static String sentence(String platform, String reason, boolean musl, String tmpdir) {
        String failed = "async-profiler's " + platform + " library does not load in this JVM (" + reason + ")";
        if (musl) {
            return failed + ": it is built for glibc and this node's Linux runs musl (as Alpine does), so this node "
                    + "cannot be profiled";
        }
        if (reason.contains("failed to map segment") || reason.contains("Operation not permitted")) {
            return failed + ": " + tmpdir + " is mounted noexec, so no library can be loaded from it; restart the node "
                    + "with -Djava.io.tmpdir=DIR on a filesystem that allows it";
        }
        return failed + ", so this node cannot be profiled";
    }

    /**
     * True where this JVM itself runs on musl: its memory map holds musl's loader ({@code ld-musl-x86_64.so.1}).
     * Asked of the process, not of /lib, where a glibc system may have musl installed beside it.
     */
    static boolean muslHere() {
        try (Stream<String> maps = Files.lines(Path.of("/proc/self/maps"))) {
            return maps.anyMatch(line -> line.contains("/ld-musl-"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
