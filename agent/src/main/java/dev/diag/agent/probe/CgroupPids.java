package dev.diag.agent.probe;

import java.util.ArrayList;
import java.util.List;

/**
 * The pids controller of the cgroup this process is in: {@code pids.max} (tasks, that is threads,
 * the group may hold; "max" is unlimited) and {@code pids.current}. Every ancestor's limit
 * applies too, so the group and its ancestors are read and the one with the least room wins.
 * cgroup v2 ({@code 0::/path} in /proc/self/cgroup, files under /sys/fs/cgroup/path) and v1
 * ({@code N:pids:/path}, files under /sys/fs/cgroup/pids/path). Where the path /proc/self/cgroup
 * names is not mounted (a v1 container without a cgroup namespace), walking up reaches the
 * container's own root. Costs a few small file reads.
 */
public final class CgroupPids {
    static final String ROOT = "/sys/fs/cgroup";

    /** The limiting group's file, its max (null: unlimited) and its current task count. */
    public record Pids(String source, Long max, long current) {
        Long headroom() {
            return max == null ? null : max - current;
        }
    }

    private CgroupPids() {
    }

    /** The pids limit that applies to this process, or null where no pids controller says. */
    public static Pids read(TextFiles files) {
        Pids tightest = null;
        for (String dir : directories(files.read("/proc/self/cgroup"))) {
            String max = files.read(dir + "/pids.max");
            Long current = HostLimits.number(files.read(dir + "/pids.current"));
            if (max == null || current == null) {
                continue;
            }
            Pids pids;
            try {
                pids = new Pids(dir + "/pids.max", max.strip().equals("max") ? null : Long.parseLong(max.strip()), current);
            } catch (NumberFormatException e) {
                continue;
            }
            if (tightest == null || tighter(pids, tightest)) {
                tightest = pids;
            }
        }
        return tightest;
    }

    private static boolean tighter(Pids a, Pids b) {
        return a.max() != null && (b.max() == null || a.headroom() < b.headroom());
    }

    /**
     * The directories holding the pids files of this process's group and its ancestors, innermost
     * first, from the text of /proc/self/cgroup; the v1 pids hierarchy where there is one (on a
     * hybrid host the v2 tree has no pids controller), else the v2 tree.
     */
    static List<String> directories(String procSelfCgroup) {
        if (procSelfCgroup == null) {
            return List.of();
        }
        String v1 = null;
        String v2 = null;
        for (String line : procSelfCgroup.split("\n")) {
            String[] fields = line.split(":", 3);
            if (fields.length < 3) {
                continue;
            }
            if (fields[0].equals("0") && fields[1].isEmpty()) {
                v2 = fields[2].strip();
            } else if (List.of(fields[1].split(",")).contains("pids")) {
                v1 = fields[2].strip();
            }
        }
        if (v1 != null) {
            return upwards(ROOT + "/pids", v1);
        }
        return v2 == null ? List.of() : upwards(ROOT, v2);
    }

    private static List<String> upwards(String mount, String path) {
        List<String> dirs = new ArrayList<>();
        String p = path.startsWith("/") ? path : "/" + path;
        while (true) {
            dirs.add(p.equals("/") ? mount : mount + p);
            if (p.equals("/")) {
                return dirs;
            }
            int slash = p.lastIndexOf('/');
            p = slash <= 0 ? "/" : p.substring(0, slash);
        }
    }
}
