package dev.diag.agent.probe;

import dev.diag.protocol.result.ThreadLimits;
import dev.diag.protocol.result.ThreadLimits.Limit;
import java.util.List;

/**
 * What limits thread creation on this host (Linux; elsewhere every limit is null): the kernel's
 * threads-max and pid_max, counted against every thread on the host; the process's "Max
 * processes" (RLIMIT_NPROC, {@code ulimit -u}), counted against every thread of the user, of
 * which only this JVM's are counted here; and the cgroup's pids.max ({@link CgroupPids}).
 * Costs a handful of small /proc and /sys reads; no pause.
 *
 * <pre>
 * ThreadLimits limits = HostLimits.read(TextFiles.system(), threads.getThreadCount());
 * </pre>
 */
public final class HostLimits {
    static final String THREADS_MAX = "/proc/sys/kernel/threads-max";
    static final String PID_MAX = "/proc/sys/kernel/pid_max";
    static final String LIMITS = "/proc/self/limits";
    static final String LOADAVG = "/proc/loadavg";
    static final String STATUS = "/proc/self/status";
    static final String UID_MAP = "/proc/self/uid_map";

    /** Soft and hard "Max processes"; a null bound is unlimited. */
    record Nproc(Long soft, Long hard) {
    }

    private HostLimits() {
    }

    public static ThreadLimits read(TextFiles files, int jvmThreads) {
        Long host = hostThreads(files.read(LOADAVG));
        long used = host != null ? host : jvmThreads;
        boolean lowerBound = host == null;
        Limit threadsMax = kernel(THREADS_MAX, files, used, lowerBound);
        Limit pidMax = kernel(PID_MAX, files, used, lowerBound);
        Nproc nproc = nproc(files.read(LIMITS));
        // The kernel does not apply RLIMIT_NPROC to root of the host's user namespace.
        boolean enforced = !hostRoot(files.read(STATUS), files.read(UID_MAP));
        Limit soft = nproc == null ? null : limit(LIMITS, nproc.soft(), jvmThreads, true, enforced);
        Limit hard = nproc == null ? null : limit(LIMITS, nproc.hard(), jvmThreads, true, enforced);
        CgroupPids.Pids pids = CgroupPids.read(files);
        Limit cgroup = pids == null ? null : limit(pids.source(), pids.max(), pids.current(), false, true);

        String tightest = null;
        Long headroom = null;
        String[] names = {"threadsMax", "pidMax", "nprocSoft", "nprocHard", "cgroupPids"};
        Limit[] limits = {threadsMax, pidMax, soft, hard, cgroup};
        for (int i = 0; i < limits.length; i++) {
            Limit l = limits[i];
            if (l != null && l.enforced() && l.headroom() != null && (headroom == null || l.headroom() < headroom)) {
                tightest = names[i];
                headroom = l.headroom();
            }
        }
        return new ThreadLimits(jvmThreads, host, threadsMax, pidMax, soft, hard, cgroup, tightest, headroom);
    }

    /** threads-max or pid_max: never unlimited, so a file that says nothing readable is no limit known. */
    private static Limit kernel(String source, TextFiles files, long used, boolean lowerBound) {
        Long max = number(files.read(source));
        return max == null ? null : limit(source, max, used, lowerBound, true);
    }

    /** A limit with its headroom; a null max is unlimited, and leaves no headroom to speak of. */
    private static Limit limit(String source, Long max, long used, boolean lowerBound, boolean enforced) {
        return new Limit(source, max, used, lowerBound, max == null ? null : Math.max(0, max - used), enforced);
    }

    /** A file holding one number, e.g. /proc/sys/kernel/pid_max; null when absent or not a number. */
    static Long number(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Threads on the host: the total after the slash in /proc/loadavg ("0.84 1.33 1.36 2/345 1234"). */
    static Long hostThreads(String loadavg) {
        if (loadavg == null) {
            return null;
        }
        String[] fields = loadavg.strip().split("\\s+");
        int slash = fields.length > 3 ? fields[3].indexOf('/') : -1;
        return slash < 0 ? null : number(fields[3].substring(slash + 1));
    }

    /** The "Max processes" line of /proc/self/limits; null when absent or unreadable. */
    static Nproc nproc(String limits) {
        if (limits == null) {
            return null;
        }
        List<String> fields = ProcLimits.fields(limits, "Max processes");
        try {
            return fields == null || fields.size() < 2 ? null : new Nproc(bound(fields.get(0)), bound(fields.get(1)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long bound(String field) {
        return field.equals("unlimited") ? null : Long.parseLong(field);
    }

    /**
     * True when the process's real uid is 0 and that uid is the host's root: the identity mapping
     * "0 0 ..." in uid_map (or no uid_map: a kernel without user namespaces). Root inside a
     * user namespace (rootless containers) is an ordinary user to the host, and is limited.
     */
    static boolean hostRoot(String status, String uidMap) {
        Long uid = null;
        for (String line : status == null ? new String[0] : status.split("\n")) {
            if (line.startsWith("Uid:")) {
                String[] fields = line.substring(4).strip().split("\\s+");
                uid = number(fields[0]);
            }
        }
        if (uid == null || uid != 0) {
            return false;
        }
        if (uidMap == null) {
            return true;
        }
        String[] first = uidMap.strip().split("\\s+");
        return first.length >= 2 && first[0].equals("0") && first[1].equals("0");
    }
}
