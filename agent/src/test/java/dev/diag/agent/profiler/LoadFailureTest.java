package dev.diag.agent.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class LoadFailureTest {

    @Test
    void aMuslNodeIsToldTheLibraryNeedsGlibc() {
        assertEquals("async-profiler's linux-x64 library does not load in this JVM (Error relocating "
                + "libasyncProfiler.so: __memcpy_chk: symbol not found): it is built for glibc and this node's Linux "
                + "runs musl (as Alpine does), so this node cannot be profiled",
                LoadFailure.sentence("linux-x64", "Error relocating libasyncProfiler.so: __memcpy_chk: symbol not found",
                        true, "/tmp"));
    }

    @Test
    void aNoexecTmpdirIsNamedWithWhatToDo() {
        assertEquals("async-profiler's linux-x64 library does not load in this JVM (failed to map segment from shared "
                + "object): /var/tmp is mounted noexec, so no library can be loaded from it; restart the node with "
                + "-Djava.io.tmpdir=DIR on a filesystem that allows it",
                LoadFailure.sentence("linux-x64", "failed to map segment from shared object", false, "/var/tmp"));
    }

    @Test
    void anyOtherFailureKeepsTheJvmsReasonInOneSentence() {
        assertEquals("async-profiler's linux-arm64 library does not load in this JVM (wrong ELF class: ELFCLASS32), so "
                + "this node cannot be profiled",
                LoadFailure.sentence("linux-arm64", "wrong ELF class: ELFCLASS32", false, "/tmp"));
    }

    @Test
    void thisGlibcTestJvmIsNotTakenForMusl() {
        assertFalse(LoadFailure.muslHere());
    }
}
