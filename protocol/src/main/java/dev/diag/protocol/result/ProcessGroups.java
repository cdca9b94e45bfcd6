package dev.diag.protocol.result;

import java.util.List;

/**
 * {@code groups()}: what all processes are doing, biggest groups first. {@code processes} counts
 * every thread looked at ({@code platform} + {@code virtual}); the first {@code groups} are shown and
 * {@code groupsLeftOut} more holding {@code processesLeftOut} processes are not. {@code stacksTaken}
 * says how many stacks were walked, {@code method} how (exact or sampled), {@code note} what could
 * not be seen (virtual threads that cannot be listed, or none counted), {@code nodeMillis} the time
 * the node spent.
 */
public record ProcessGroups(long processes, long platform, long virtual, List<ProcessGroup> groups, int groupsLeftOut,
        long processesLeftOut, long stacksTaken, String method, String note, long nodeMillis) {
}
