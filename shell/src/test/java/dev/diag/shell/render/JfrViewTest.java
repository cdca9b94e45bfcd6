package dev.diag.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.diag.protocol.result.JfrRecording;
import java.util.List;
import org.junit.jupiter.api.Test;

class JfrViewTest {

    @Test
    void saysARunningRecordingsSettingsAndBound() {
        assertEquals(List.of("Started a flight recording on the node with the JDK's profile settings, keeping at most "
                + "256 MiB in the JVM's repository; jfr:dump(\"/tmp/orders.jfr\") writes what it holds to a file on "
                + "the node, jfr:stop() ends it."),
                JfrView.render(new JfrRecording("profile", "RUNNING", 0, 0, 256L << 20), 1000));
    }

    @Test
    void saysHowLongAStoppedRecordingRanAndWhatWasDiscarded() {
        assertEquals(List.of("Stopped the flight recording (default settings) after 42.1 s; the 3.00 MiB it held are "
                + "discarded (jfr:dump(Path) before jfr:stop() keeps them)."),
                JfrView.render(new JfrRecording("default", "CLOSED", 42_100, 3L << 20, 256L << 20), 1000));
    }
}
