package dev.diag.protocol.result;

import java.util.List;

/** {@code processes()}: every live process's pid, ascending. */
public record PidList(List<Long> pids) {
}
