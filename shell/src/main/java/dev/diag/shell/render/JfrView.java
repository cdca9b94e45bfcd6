package dev.diag.shell.render;

import dev.diag.protocol.result.JfrRecording;
import java.util.List;

/**
 * {@code jfr:start(Settings)} and {@code jfr:stop()}: one sentence on diag's flight recording
 * (jfr:dump's answer is heap_dump's: {@link HeapDumpView}).
 *
 * <pre>
 * Started a flight recording on the node with the JDK's profile settings, keeping at most 256 MiB; ...
 * Stopped the flight recording (default settings) after 42.1 s; the 3.1 MiB it held are discarded.
 * </pre>
 */
public final class JfrView {
    private JfrView() {
    }

    public static List<String> render(JfrRecording recording, int width) {
        if (recording.state().equals("CLOSED")) {
            return Wrap.words("Stopped the flight recording (" + recording.settings() + " settings) after "
                    + Units.millis(recording.recordedMillis()) + "; the " + Units.bytes(recording.bytes())
                    + " it held are discarded (jfr:dump(Path) before jfr:stop() keeps them).", width);
        }
        return Wrap.words("Started a flight recording on the node with the JDK's " + recording.settings()
                + " settings, keeping at most " + Units.bytes(recording.maxBytes()) + " in the JVM's repository; "
                + "jfr:dump(\"/tmp/orders.jfr\") writes what it holds to a file on the node, jfr:stop() ends it.", width);
    }
}
