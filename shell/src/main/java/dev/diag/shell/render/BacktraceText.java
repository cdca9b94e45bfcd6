package dev.diag.shell.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * One {@code backtraces()} row as text, read straight from the row's JSON: the lines {@link
 * BacktraceView} makes from a {@link dev.diag.protocol.result.Backtrace}, each cut to the width,
 * each ending with the line separator. Reading every row into a Backtrace of StackFrames first
 * (RecordReader's reflection, a record and a list per frame, a name string per field) was most of
 * what a cold shell spent on 10,000 rows; here each line is built once into one buffer.
 * BacktraceTextTest pins that the text equals BacktraceView's for the same row. A field of the
 * wrong JSON type, or a missing pid, line or identity hash, fails the row as RecordReader would.
 */
final class BacktraceText {
    private static final String NEWLINE = System.lineSeparator();
    /** How errors name the row (JsonFields). */
    private static final String ROW = "backtrace";

    private final int width;
    private final StringBuilder text = new StringBuilder(1024);
    private final StringBuilder line = new StringBuilder(160);

    private BacktraceText(int width) {
        this.width = Math.max(20, width);
    }

    static String render(JsonNode row, int width) throws IOException {
        return new BacktraceText(width).row(row);
    }

    private String row(JsonNode row) throws IOException {
        line.append('<').append(integral(row, "pid", true)).append("> \"").append(string(row, "name")).append("\" ")
                .append(string(row, "state"));
        end();
        JsonNode waitingOn = JsonFields.present(row.get("waitingOn"));
        if (waitingOn != null) {
            line.append("  waiting for ").append(lock(waitingOn));
            JsonNode owner = JsonFields.present(row.get("waitingOnOwner"));
            if (owner != null) {
                line.append(" held by ").append(ref(owner));
            }
            end();
        }
        String mailbox = string(row, "waitsForMailbox");
        if (mailbox != null) {
            line.append("  waiting on mailbox ").append(mailbox)
                    .append(BacktraceView.fill(number(row, "mailboxSize"), number(row, "mailboxCapacity")));
            JsonNode owners = array(row, "mailboxOwners");
            String separator = ", drained by ";
            for (int i = 0; owners != null && i < owners.size(); i++) {
                if (JsonFields.present(owners.get(i)) != null) {
                    line.append(separator).append(ref(owners.get(i)));
                    separator = ", ";
                }
            }
            end();
        }
        frames(array(row, "frames"));
        // a missing list reads as empty, as RecordReader reads it: the footer says they were not looked for
        JsonNode synchronizers = array(row, "lockedSynchronizers");
        if (synchronizers != null && synchronizers.size() > 0) {
            line.append("  locked synchronizers:");
            end();
            for (JsonNode held : synchronizers) {
                if (JsonFields.present(held) != null) {
                    line.append("    - ").append(lock(held));
                    end();
                }
            }
        }
        return text.toString();
    }

    private void frames(JsonNode frames) throws IOException {
        for (int i = 0; frames != null && i < frames.size(); i++) {
            JsonNode frame = JsonFields.present(frames.get(i));
            if (frame == null) {
                continue;
            }
            line.append("    at ").append(BacktraceView.frame(string(frame, "className"), string(frame, "method"),
                    string(frame, "file"), (int) integral(frame, "line", true), bool(frame, "nativeMethod")));
            end();
            JsonNode monitors = array(frame, "lockedMonitors");
            for (int m = 0; monitors != null && m < monitors.size(); m++) {
                if (JsonFields.present(monitors.get(m)) != null) {
                    line.append("    - locked ").append(lock(monitors.get(m)));
                    end();
                }
            }
        }
    }

    /** The line built so far, cut to the width as IView.cut cuts it, into the text. */
    private void end() {
        if (line.length() <= width) {
            text.append(line);
        } else {
            text.append(line, 0, width - 1).append('…');
        }
        text.append(NEWLINE);
        line.setLength(0);
    }

    private static String lock(JsonNode lock) throws IOException {
        object(lock, "a lock");
        return BacktraceView.lock(string(lock, "className"), (int) integral(lock, "identityHashCode", true));
    }

    private static String ref(JsonNode process) throws IOException {
        object(process, "a process");
        return BacktraceView.ref(integral(process, "pid", false), string(process, "name"));
    }

    private static String string(JsonNode parent, String field) throws IOException {
        return JsonFields.text(parent, field, ROW);
    }

    private static long integral(JsonNode parent, String field, boolean asInt) throws IOException {
        return JsonFields.whole(parent, field, ROW, asInt);
    }

    private static Integer number(JsonNode parent, String field) throws IOException {
        return JsonFields.optionalInt(parent, field, ROW);
    }

    private static boolean bool(JsonNode parent, String field) throws IOException {
        return JsonFields.bool(parent, field, ROW);
    }

    private static JsonNode array(JsonNode parent, String field) throws IOException {
        JsonNode node = JsonFields.present(parent.get(field));
        if (node != null && !node.isArray()) {
            throw new IOException("backtrace field " + field + " must be an array");
        }
        return node;
    }

    private static void object(JsonNode node, String what) throws IOException {
        if (!node.isObject()) {
            throw new IOException("backtrace " + what + " must be an object");
        }
    }
}
