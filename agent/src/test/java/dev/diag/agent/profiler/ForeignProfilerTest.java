package dev.diag.agent.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForeignProfilerTest {

    @Test
    void findsAnAsyncProfilerByWhatItExportsWhateverTheFileIsCalled(@TempDir Path dir) throws Exception {
        Path arthasCopy = Files.write(dir.resolve("ArthasJniLibrary8088292863685177995.tmp"),
                "\u007fELF...Java_one_profiler_AsyncProfiler_start0...".getBytes());
        Path other = Files.write(dir.resolve("libnetty_transport_native_epoll.so"), "\u007fELF...Java_io_netty".getBytes());
        Path maps = Files.writeString(dir.resolve("maps"), """
                7f1c2a000000-7f1c2a021000 rw-p 00000000 00:00 0
                7f1c2b300000-7f1c2b37d000 r-xp 00000000 08:01 1233  %s
                7f1c2b400000-7f1c2b47d000 r-xp 00006000 08:01 1234  %s
                7f1c2b47d000-7f1c2b480000 r--p 00056000 08:01 1234  %s
                """.formatted(other, arthasCopy, arthasCopy));

        assertEquals(Optional.of(arthasCopy.toString()), ForeignProfiler.loadedIn(maps, "/usr/lib/jvm/java-17"));
    }

    @Test
    void diagsOwnDeletedCopyTheJdksAndOtherLibrariesAreNotForeign(@TempDir Path dir) throws Exception {
        Path plain = Files.write(dir.resolve("libzstd-jni.so"), "\u007fELF...Java_com_github_luben".getBytes());
        Path maps = Files.writeString(dir.resolve("maps"), """
                7f1c2b400000-7f1c2b47d000 r-xp 00000000 08:01 1234  /tmp/diag-profiler-81723/libasyncProfiler.so (deleted)
                7f1c2c000000-7f1c2c002000 r-xp 00000000 08:01 99    /usr/lib/x86_64-linux-gnu/libc.so.6
                7f1c2d000000-7f1c2d002000 r-xp 00000000 08:01 98    %s
                """.formatted(plain));

        assertEquals(Optional.empty(), ForeignProfiler.loadedIn(maps, "/usr/lib/jvm/java-17"));
        assertEquals(Optional.empty(), ForeignProfiler.loadedIn(dir.resolve("no-such-maps"), "/usr/lib/jvm/java-17"));
    }

    @Test
    void thisTestJvmWithItsOwnCopyLoadedHasNoForeignOne() throws Exception {
        ProfilerLibrary.load();

        assertEquals(Optional.empty(), ForeignProfiler.loadedIn(Path.of("/proc/self/maps"), System.getProperty("java.home")));
    }
}
