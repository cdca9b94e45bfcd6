package dev.diag.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.message.Json;
import dev.diag.protocol.result.ThreadLimits;
import dev.diag.protocol.result.ThreadLimits.Limit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ThreadLimitsViewTest {
    private static final ThreadLimits USER = new ThreadLimits(23, 345L,
            new Limit("/proc/sys/kernel/threads-max", 126_896L, 345L, false, 126_551L, true),
            new Limit("/proc/sys/kernel/pid_max", 4_194_304L, 345L, false, 4_193_959L, true),
            new Limit("/proc/self/limits", 4_096L, 23L, true, 4_073L, true),
            new Limit("/proc/self/limits", 63_448L, 23L, true, 63_425L, true),
            new Limit("/sys/fs/cgroup/pids.max", null, 40L, false, null, true),
            "nprocSoft", 4_073L);

    @Test
    void showsEachLimitWithWhatIsInUseAndTheRoomLeftThenTheTightest() {
        assertEquals(List.of(
                "LIMIT                        MAX  IN USE   HEADROOM",
                "threads-max (host)       126,896     345    126,551",
                "pid_max (host)         4,194,304     345  4,193,959",
                "ulimit -u soft (user)      4,096    ≥ 23    ≤ 4,073",
                "ulimit -u hard (user)     63,448    ≥ 23   ≤ 63,425",
                "cgroup pids.max        unlimited      40          -",
                "tightest: \"ulimit -u soft\", room for 4,073 more threads at most",
                "this JVM: 23 live threads, of 345 on the host"), ThreadLimitsView.render(USER, 100));
    }

    @Test
    void marksTheProcessLimitTheKernelDoesNotApplyToRoot() {
        ThreadLimits root = new ThreadLimits(23, 345L, USER.threadsMax(), USER.pidMax(),
                new Limit("/proc/self/limits", 4_096L, 23L, true, 4_073L, false),
                new Limit("/proc/self/limits", 63_448L, 23L, true, 63_425L, false),
                null, "threadsMax", 126_551L);
        List<String> lines = ThreadLimitsView.render(root, 100);
        assertEquals("tightest: \"threads-max\", room for 126,551 more threads", lines.get(6));
        assertEquals("ulimit -u is not enforced: the JVM runs as root", lines.get(lines.size() - 1));
        assertEquals(1, lines.stream().filter(line -> line.contains("root")).count(), lines.toString());
    }

    @Test
    void saysUnknownForALimitTheOsDoesNotState() {
        ThreadLimits none = new ThreadLimits(23, null, null, null, null, null, null, null, null);
        assertEquals(List.of(
                "LIMIT                      MAX  IN USE  HEADROOM",
                "threads-max (host)     unknown",
                "pid_max (host)         unknown",
                "ulimit -u soft (user)  unknown",
                "ulimit -u hard (user)  unknown",
                "cgroup pids.max        unknown",
                "tightest: none known",
                "this JVM: 23 live threads"), ThreadLimitsView.render(none, 100));
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 80})
    void fitsInNarrowTerminalsWithoutCuttingTheLimitNames(int width) {
        List<String> lines = ThreadLimitsView.render(USER, width);
        lines.stream().filter(line -> !line.startsWith("tightest"))
                .forEach(line -> assertTrue(line.length() <= width, line));
        assertTrue(lines.stream().noneMatch(line -> line.contains("…")), lines.toString());
    }

    @Test
    void isWhatSystemInfoShowsForProcessLimit() throws Exception {
        assertEquals(ThreadLimitsView.render(USER, 100), SystemInfoView.render(Json.mapper().valueToTree(USER), 100));
    }
}
