package dev.diag.protocol.result;

/**
 * {@code system_info(process_limit)}: what limits thread creation on this host, each limit with
 * what counts against it now. A limit is null where the OS does not say (no /proc, no pids
 * cgroup). {@code tightest} names the enforced limit with the least {@code headroom} (its field
 * name here, e.g. "pidMax"); both are null when no limit is known.
 *
 * @param jvmThreads  live platform threads of this JVM now
 * @param hostThreads threads on the whole host now (/proc/loadavg), null where unknown
 */
public record ThreadLimits(
        String item,
        int jvmThreads,
        Long hostThreads,
        Limit threadsMax,
        Limit pidMax,
        Limit nprocSoft,
        Limit nprocHard,
        Limit cgroupPids,
        String tightest,
        Long headroom) {
    public static final String ITEM = "process_limit";

    public ThreadLimits(int jvmThreads, Long hostThreads, Limit threadsMax, Limit pidMax, Limit nprocSoft,
            Limit nprocHard, Limit cgroupPids, String tightest, Long headroom) {
        this(ITEM, jvmThreads, hostThreads, threadsMax, pidMax, nprocSoft, nprocHard, cgroupPids, tightest, headroom);
    }

    /** The limit a field name such as {@link #tightest} names ("pidMax"), or null for null or an unknown name. */
    public Limit limit(String field) {
        if (field == null) {
            return null;
        }
        return switch (field) {
            case "threadsMax" -> threadsMax;
            case "pidMax" -> pidMax;
            case "nprocSoft" -> nprocSoft;
            case "nprocHard" -> nprocHard;
            case "cgroupPids" -> cgroupPids;
            default -> null;
        };
    }

    /**
     * One limit, read from {@code source} (a file). {@code max} is null when unlimited. {@code used}
     * is what counts against it now, null where unknown; where only this JVM's threads could be
     * counted, {@code usedIsLowerBound} is true and {@code headroom} (max minus used) is at most
     * that. {@code enforced} is false where the kernel exempts this process (RLIMIT_NPROC for root).
     */
    public record Limit(String source, Long max, Long used, boolean usedIsLowerBound, Long headroom, boolean enforced) {
    }
}
