package dev.diag.shell.render;

/**
 * Thread names in a column. H2, Pekko and log4j2 name their threads with a long shared prefix
 * ("pekko.actor.default-dispatcher-17", "Log4j2-TF-1-AsyncLoggerConfig-1"): only the tail tells
 * them apart. So a name is never cut where output is not cut at all (scripts, pipes: the width is
 * unlimited), and on a terminal it is cut in the middle, keeping its start and, longer, its end.
 *
 * <pre>
 * ThreadNames.column("pekko.actor.default-dispatcher-17", 25, 80)         // "pekko.ac…lt-dispatcher-17"
 * ThreadNames.column("pekko.actor.default-dispatcher-17", 25, UNLIMITED)  // the whole name
 * </pre>
 */
final class ThreadNames {
    /** No terminal is this wide: a width from here up means "not cut" (see TerminalWidth). */
    static final int UNCUT = 10_000;

    private ThreadNames() {
    }

    /** {@code name} for a column of {@code room} characters in output {@code width} wide; null as "". */
    static String column(String name, int room, int width) {
        if (name == null) {
            return "";
        }
        return width >= UNCUT ? name : middle(name, room);
    }

    /** At most {@code room} characters: the start, "…", and the end, which gets the larger share. */
    static String middle(String name, int room) {
        if (name.length() <= room) {
            return name;
        }
        if (room <= 2) {
            return name.substring(name.length() - Math.max(0, room));
        }
        int tail = (room - 1) * 2 / 3;
        int head = room - 1 - tail;
        return name.substring(0, head) + "…" + name.substring(name.length() - tail);
    }
}
