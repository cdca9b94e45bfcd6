package dev.diag.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.message.Json;
import dev.diag.protocol.result.ProfileProgress;
import dev.diag.protocol.result.ProfileReport;
import dev.diag.protocol.result.ProfileStack;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileViewTest {
    private final ProfileView view = new ProfileView();

    @Test
    void printsProgressThenTheTopFramesBySelfWeightWithJavaNamesDotted() throws Exception {
        assertEquals(List.of("  SAMPLES   ELAPSED"), view.header(80));
        assertEquals("       97  1.0 s / 3 s",
                view.row(Json.mapper().valueToTree(new ProfileProgress(97, 1_000, 3)), 80));
        ProfileReport report = new ProfileReport("cpu", "perf_events", "samples", 3_000, 300, 300, List.of(
                new ProfileStack("java/lang/Thread.run;com/example/Pricing.quote", 200),
                new ProfileStack("java/lang/Thread.run;com/example/Pricing.round", 60),
                new ProfileStack("java/lang/Thread.run;com/example/Cart.total;com/example/Pricing.quote", 40)),
                0, 0, List.of(), "async-profiler 4.2");

        assertEquals(List.of(
                "cpu profile, 3.0 s, 300 samples (perf_events, async-profiler 4.2)",
                "TOP FRAME                  SAMPLES  SHARE",
                "com.example.Pricing.quote      240  80.0%",
                "com.example.Pricing.round       60  20.0%"),
                view.footer(Json.mapper().valueToTree(report), 80));
    }

    @Test
    void anAllocProfileShowsEachClassWithTheMethodThatAllocatedItAndKernelFramesStayFramesElsewhere() {
        ProfileReport alloc = new ProfileReport("alloc", "alloc", "bytes", 2_000, 90, 3L << 20, List.of(
                new ProfileStack("Main.loop;byte[]_[i]", 2L << 20), new ProfileStack("Main.log;java/lang/String_[k]", 1L << 20)),
                0, 0, List.of(), "async-profiler 4.2");
        ProfileReport cpu = new ProfileReport("cpu", "perf_events", "samples", 1_000, 10, 10, List.of(
                new ProfileStack("Main.loop;asm_exc_page_fault;exc_page_fault_[k]", 10),
                new ProfileStack("Main.zip;/usr/lib/x86_64-linux-gnu/libz.so.1.2.13", 1)), 0, 0, List.of(), "async-profiler 4.2");

        List<String> allocLines = ProfileView.render(alloc, 80);
        assertEquals("byte[] in Main.loop           2.00 MiB  66.7%", allocLines.get(2));
        assertEquals("java.lang.String in Main.log  1.00 MiB  33.3%", allocLines.get(3));
        assertEquals("alloc profile, 2.0 s, 90 samples weighing 3.00 MiB (alloc, async-profiler 4.2)", allocLines.get(0));
        assertTrue(ProfileView.render(cpu, 80).get(2).startsWith("exc_page_fault "), ProfileView.render(cpu, 80).toString());
        assertTrue(ProfileView.render(cpu, 80).get(3).startsWith("/usr/lib/x86_64-linux-gnu/libz.so.1.2.13 "),
                "a library's path is no Java name: " + ProfileView.render(cpu, 80));
    }

    @Test
    void saysWhatWasLeftOutAndWhyCpuWasSampledOnATimer() {
        ProfileReport report = new ProfileReport("cpu", "ctimer", "samples", 1_000, 12, 12,
                List.of(new ProfileStack("Main.run", 10)), 4, 2, List.of("perf events are not allowed here"),
                "async-profiler 4.2");

        List<String> lines = ProfileView.render(report, 100);

        assertEquals("Note: perf events are not allowed here.", lines.get(1));
        assertEquals("… 4 lighter stacks (2 samples) were left out to bound the reply", lines.get(lines.size() - 1));
    }

    @Test
    void aProfileWithoutSamplesSaysSoInsteadOfAnEmptyTable() {
        ProfileReport report = new ProfileReport("lock", "lock", "ns", 2_000, 0, 0, List.of(), 0, 0, List.of(),
                "async-profiler 4.2");

        assertTrue(ProfileView.render(report, 200).get(1).startsWith("No samples: nothing ran that this event sees"));
    }
}
