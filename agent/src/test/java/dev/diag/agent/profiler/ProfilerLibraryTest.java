package dev.diag.agent.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

class ProfilerLibraryTest {

    @Test
    void picksTheLibraryAsyncProfilerBuildsForEachPlatformAndNoneForOthers() {
        assertEquals("linux-x64", ProfilerLibrary.platform("Linux", "amd64"));
        assertEquals("linux-arm64", ProfilerLibrary.platform("Linux", "aarch64"));
        assertEquals("macos", ProfilerLibrary.platform("Mac OS X", "aarch64"));
        assertNull(ProfilerLibrary.platform("Linux", "ppc64le"));
        assertNull(ProfilerLibrary.platform("Windows 11", "amd64"));
    }

    @Test
    void everyPlatformItPicksHasItsLibraryInTheAgent() {
        for (String platform : new String[] {"linux-x64", "linux-arm64", "macos"}) {
            assertNotNull(ProfilerLibrary.class.getResource("/" + platform + "/libasyncProfiler.so"), platform);
        }
    }

    @Test
    void anotherPlatformIsRefusedInOneSentence() {
        ProfilerUnavailableException refused = assertThrows(ProfilerUnavailableException.class,
                () -> ProfilerLibrary.load("Windows 11", "amd64"));

        assertEquals("async-profiler has no native library for Windows 11 on amd64 (it is built for Linux x64, "
                + "Linux arm64 and macOS), so this node cannot be profiled", refused.getMessage());
    }

    @Test
    void onceLoadedTheLibraryIsFoundBoundToItsClassAndReused() throws Exception {
        Object first = ProfilerLibrary.load();

        assertSame(first, ProfilerLibrary.alreadyLoaded(), "async-profiler's instance field moved: every call "
                + "would extract the library again");
        assertSame(first, ProfilerLibrary.load());
    }

    @Test
    void theLibraryIsExtractedIntoANewDirectoryOnlyItsOwnerMayEnter() throws Exception {
        Path dir = ProfilerLibrary.privateDirectory();
        try {
            assertTrue(dir.getFileName().toString().startsWith("diag-profiler-"), dir.toString());
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        } finally {
            Files.delete(dir);
        }
    }
}
