package dev.diag.protocol.result;

import java.util.Optional;

/** The items {@code system_info(Item)} accepts, shared so the shell can list and complete them. */
public enum SystemInfoItem {
    PROCESS_COUNT("live threads, platform and virtual"),
    VIRTUAL_PROCESS_COUNT("live virtual threads (JDK 21+)"),
    PROCESS_LIMIT("what limits thread creation on this host"),
    SCHEDULERS("processors and the common pool's parallelism"),
    VERSION("Java, VM and agent versions"),
    UPTIME("time since the JVM started"),
    SHUTDOWN("whether the JVM is shutting down, since when, and its shutdown hooks still running");

    private final String meaning;

    SystemInfoItem(String meaning) {
        this.meaning = meaning;
    }

    public String atom() {
        return Atoms.of(this);
    }

    public String meaning() {
        return meaning;
    }

    public static Optional<SystemInfoItem> of(String atom) {
        return Atoms.parse(SystemInfoItem.class, atom);
    }

    public static String atoms() {
        return Atoms.list(SystemInfoItem.class);
    }
}
