package dev.diag.protocol.result;

import java.util.Optional;

/** The items {@code statistics(Item)} accepts, shared so the shell can list and complete them. */
public enum StatisticsItem {
    RUNTIME("CPU time of the process"),
    WALL_CLOCK("time since the JVM started"),
    GARBAGE_COLLECTION("collections and their time"),
    RUN_QUEUE("load average and RUNNABLE threads");

    private final String meaning;

    StatisticsItem(String meaning) {
        this.meaning = meaning;
    }

    public String atom() {
        return Atoms.of(this);
    }

    public String meaning() {
        return meaning;
    }

    public static Optional<StatisticsItem> of(String atom) {
        return Atoms.parse(StatisticsItem.class, atom);
    }

    public static String atoms() {
        return Atoms.list(StatisticsItem.class);
    }
}
