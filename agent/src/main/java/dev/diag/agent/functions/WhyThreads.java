package dev.diag.agent.functions;

import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every app thread's {@link ThreadInfo} without stacks, looked up by id: the ids ascending (as
 * {@code ThreadWindow} takes them, diag's own left out) beside their infos, found by binary search.
 * Two arrays rather than a map: at 10,000 threads a map's entries and boxed keys cost more than
 * everything else why() keeps.
 */
final class WhyThreads {
    private final long[] ids;
    private final ThreadInfo[] infos;
    private final int count;

    /** {@code ids} ascending; an info is null where the thread ended or is {@code ignored}. */
    WhyThreads(long[] ids, ThreadInfo[] infos, long[] ignored) {
        this.ids = ids;
        this.infos = infos;
        int n = 0;
        for (int i = 0; i < ids.length; i++) {
            if (Arrays.binarySearch(ignored, ids[i]) >= 0) {
                infos[i] = null;
            }
            n += infos[i] == null ? 0 : 1;
        }
        this.count = n;
    }

    ThreadInfo get(long id) {
        int at = Arrays.binarySearch(ids, id);
        return at < 0 ? null : infos[at];
    }

    boolean containsKey(long id) {
        return get(id) != null;
    }

    int size() {
        return count;
    }

    /** The live ones, in id order. */
    List<ThreadInfo> values() {
        List<ThreadInfo> values = new ArrayList<>(count);
        for (ThreadInfo info : infos) {
            if (info != null) {
                values.add(info);
            }
        }
        return values;
    }
}
