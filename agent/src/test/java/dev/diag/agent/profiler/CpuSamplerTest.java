package dev.diag.agent.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuSamplerTest {

    @Test
    void aPerfEventDescriptorMeansPerfEvents(@TempDir Path fds) throws Exception {
        Files.createSymbolicLink(fds.resolve("3"), Path.of("socket:[1234]"));
        Files.createSymbolicLink(fds.resolve("4"), Path.of("anon_inode:[perf_event]"));

        assertEquals(CpuSampler.PERF_EVENTS, CpuSampler.of(fds));
    }

    @Test
    void noPerfEventDescriptorMeansAsyncProfilerFellBackToATimer(@TempDir Path fds) throws Exception {
        Files.createSymbolicLink(fds.resolve("3"), Path.of("socket:[1234]"));
        Files.createSymbolicLink(fds.resolve("5"), Path.of("anon_inode:[eventpoll]"));

        assertEquals(CpuSampler.TIMER, CpuSampler.of(fds));
        assertEquals(CpuSampler.TIMER, CpuSampler.of(fds.resolve("missing")));
    }
}
