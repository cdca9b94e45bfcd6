package dev.diag.agent.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForeignProfilerTest {

    @Test
    void findsAnotherToolsAsyncProfilerInTheMemoryMap(@TempDir Path dir) throws Exception {
        Path maps = Files.writeString(dir.resolve("maps"), """
                7f1c2a000000-7f1c2a021000 rw-p 00000000 00:00 0
                7f1c2b400000-7f1c2b47d000 r-xp 00000000 08:01 1234  /root/.arthas/lib/4.0.5/arthas/async-profiler/libasyncProfiler-linux-x64.so
                7f1c2c000000-7f1c2c002000 r--p 00000000 08:01 99    /usr/lib/x86_64-linux-gnu/libc.so.6
                """);

        assertEquals(Optional.of("/root/.arthas/lib/4.0.5/arthas/async-profiler/libasyncProfiler-linux-x64.so"),
                ForeignProfiler.loadedIn(maps));
    }

    @Test
    void diagsOwnDeletedCopyAndOtherLibrariesAreNotForeign(@TempDir Path dir) throws Exception {
        Path maps = Files.writeString(dir.resolve("maps"), """
                7f1c2b400000-7f1c2b47d000 r-xp 00000000 08:01 1234  /tmp/diag-profiler-81723/libasyncProfiler.so (deleted)
                7f1c2c000000-7f1c2c002000 r--p 00000000 08:01 99    /usr/lib/x86_64-linux-gnu/libc.so.6
                """);

        assertEquals(Optional.empty(), ForeignProfiler.loadedIn(maps));
        assertEquals(Optional.empty(), ForeignProfiler.loadedIn(dir.resolve("no-such-maps")));
    }
}
