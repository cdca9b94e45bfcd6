package dev.diag.agent.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.diag.protocol.result.ThreadLimits;
import dev.diag.protocol.result.ThreadLimits.Limit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The /proc parsers, on texts as Linux prints them, and the whole probe on a host made of them. */
class HostLimitsTest {
    /** /proc/self/limits as Linux 6.x prints it (columns padded with spaces, a trailing space). */
    static final String LIMITS = String.join("\n",
            "Limit                     Soft Limit           Hard Limit           Units     ",
            "Max cpu time              unlimited            unlimited            seconds   ",
            "Max stack size            8388608              unlimited            bytes     ",
            "Max processes             4096                 63448                processes ",
            "Max open files            1024                 524288               files     ",
            "Max pending signals       63448                63448                signals   ",
            "");
    static final String STATUS_USER = "Name:\tjava\nUmask:\t0022\nState:\tS (sleeping)\nTgid:\t4242\n"
            + "Uid:\t1000\t1000\t1000\t1000\nGid:\t1000\t1000\t1000\t1000\nThreads:\t23\n";
    static final String STATUS_ROOT = STATUS_USER.replace("1000", "0");
    static final String IDENTITY_UID_MAP = "         0          0 4294967295\n";

    @Test
    void readsAKernelNumberFileWithItsNewline() {
        assertEquals(32768L, HostLimits.number("32768\n"));
        assertEquals(4194304L, HostLimits.number("4194304"));
        assertNull(HostLimits.number(null));
        assertNull(HostLimits.number("max\n"));
        assertNull(HostLimits.number(""));
    }

    @Test
    void readsTheHostsThreadCountFromLoadavg() {
        assertEquals(345L, HostLimits.hostThreads("0.84 1.33 1.36 2/345 12345\n"));
        assertNull(HostLimits.hostThreads("0.84 1.33 1.36"));
        assertNull(HostLimits.hostThreads(null));
    }

    @Test
    void readsMaxProcessesSoftAndHard() {
        assertEquals(new HostLimits.Nproc(4096L, 63448L), HostLimits.nproc(LIMITS));
    }

    @Test
    void readsUnlimitedMaxProcessesAsNull() {
        String unlimited = LIMITS.replace("4096                 63448", "unlimited            unlimited");
        assertEquals(new HostLimits.Nproc(null, null), HostLimits.nproc(unlimited));
        String softOnly = LIMITS.replace("63448                processes", "unlimited            processes");
        assertEquals(new HostLimits.Nproc(4096L, null), HostLimits.nproc(softOnly));
    }

    @Test
    void findsNoMaxProcessesInATextWithoutTheLine() {
        assertNull(HostLimits.nproc("Limit   Soft Limit   Hard Limit   Units\n"));
        assertNull(HostLimits.nproc("Max processes             many                 more                 processes\n"));
        assertNull(HostLimits.nproc(null));
    }

    @Test
    void seesRootOfTheHostOnlyWithTheIdentityUidMap() {
        assertTrue(HostLimits.hostRoot(STATUS_ROOT, IDENTITY_UID_MAP));
        assertTrue(HostLimits.hostRoot(STATUS_ROOT, null), "a kernel without user namespaces");
        assertFalse(HostLimits.hostRoot(STATUS_ROOT, "         0     100000      65536\n"), "root of a rootless container");
        assertFalse(HostLimits.hostRoot(STATUS_USER, IDENTITY_UID_MAP));
        assertFalse(HostLimits.hostRoot(null, IDENTITY_UID_MAP));
    }

    @Test
    void namesTheSoftProcessLimitOfAnOrdinaryUserAsTightest() {
        ThreadLimits limits = HostLimits.read(host(STATUS_USER), 23);

        assertEquals(23, limits.jvmThreads());
        assertEquals(345L, limits.hostThreads());
        assertEquals(new Limit(HostLimits.THREADS_MAX, 126896L, 345L, false, 126896L - 345, true), limits.threadsMax());
        assertEquals(new Limit(HostLimits.PID_MAX, 32768L, 345L, false, 32768L - 345, true), limits.pidMax());
        assertEquals(new Limit(HostLimits.LIMITS, 4096L, 23L, true, 4096L - 23, true), limits.nprocSoft());
        assertEquals(new Limit(HostLimits.LIMITS, 63448L, 23L, true, 63448L - 23, true), limits.nprocHard());
        assertNull(limits.cgroupPids(), "no cgroup files in this host");
        assertEquals("nprocSoft", limits.tightest());
        assertEquals(4096L - 23, limits.headroom());
    }

    @Test
    void leavesOutTheProcessLimitForRootWhichTheKernelDoesNotApply() {
        ThreadLimits limits = HostLimits.read(host(STATUS_ROOT), 23);

        assertFalse(limits.nprocSoft().enforced());
        assertFalse(limits.nprocHard().enforced());
        assertEquals("pidMax", limits.tightest());
        assertEquals(32768L - 345, limits.headroom());
    }

    @Test
    void namesTheCgroupWhenItsPidsMaxIsTightest() {
        Map<String, String> files = files(STATUS_USER);
        files.put("/proc/self/cgroup", "0::/system.slice/orders.service\n");
        files.put("/sys/fs/cgroup/system.slice/orders.service/pids.max", "200\n");
        files.put("/sys/fs/cgroup/system.slice/orders.service/pids.current", "31\n");

        ThreadLimits limits = HostLimits.read(files::get, 23);

        assertEquals(new Limit("/sys/fs/cgroup/system.slice/orders.service/pids.max", 200L, 31L, false, 169L, true),
                limits.cgroupPids());
        assertEquals("cgroupPids", limits.tightest());
        assertEquals(169L, limits.headroom());
    }

    @Test
    void countsOnlyThisJvmWhereTheHostsThreadsAreUnknown() {
        Map<String, String> files = files(STATUS_USER);
        files.remove(HostLimits.LOADAVG);

        ThreadLimits limits = HostLimits.read(files::get, 23);

        assertNull(limits.hostThreads());
        assertEquals(new Limit(HostLimits.PID_MAX, 32768L, 23L, true, 32768L - 23, true), limits.pidMax());
    }

    @Test
    void saysNothingOnAHostWithoutProc() {
        ThreadLimits limits = HostLimits.read(path -> null, 23);

        assertEquals(new ThreadLimits(23, null, null, null, null, null, null, null, null), limits);
    }

    @Test
    void keepsAnUnlimitedProcessLimitWithNoHeadroomFigure() {
        Map<String, String> files = files(STATUS_USER);
        files.put(HostLimits.LIMITS, LIMITS.replace("4096                 63448", "unlimited            unlimited"));

        ThreadLimits limits = HostLimits.read(files::get, 23);

        assertEquals(new Limit(HostLimits.LIMITS, null, 23L, true, null, true), limits.nprocSoft());
        assertEquals("pidMax", limits.tightest());
    }

    @Test
    void readsThisHostsKernelLimitsWhole() throws Exception {
        Path pidMax = Path.of(HostLimits.PID_MAX);
        assumeTrue(Files.isReadable(pidMax), "no /proc on this OS");
        ThreadLimits limits = HostLimits.read(TextFiles.system(), 10);

        // Not Files.readAllBytes, which reads sysctl files one byte at a time: "32768" became "3".
        assertEquals(Long.parseLong(Files.readAllLines(pidMax).get(0).strip()), limits.pidMax().max());
        assertNotNull(limits.threadsMax());
        assertTrue(limits.threadsMax().max() > 1000, limits.toString());
        assertTrue(limits.hostThreads() >= 10, limits.toString());
        assertNotNull(limits.nprocSoft());
        assertNotNull(limits.tightest());
    }

    private static TextFiles host(String status) {
        return files(status)::get;
    }

    private static Map<String, String> files(String status) {
        Map<String, String> files = new HashMap<>();
        files.put(HostLimits.THREADS_MAX, "126896\n");
        files.put(HostLimits.PID_MAX, "32768\n");
        files.put(HostLimits.LIMITS, LIMITS);
        files.put(HostLimits.LOADAVG, "0.84 1.33 1.36 2/345 12345\n");
        files.put(HostLimits.STATUS, status);
        files.put(HostLimits.UID_MAP, IDENTITY_UID_MAP);
        return files;
    }
}
