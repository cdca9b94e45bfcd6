package dev.diag.agent.functions;

import dev.diag.protocol.function.EditDistance;
import dev.diag.protocol.message.Echo;
import dev.diag.protocol.result.JfrRecording;
import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;

/**
 * diag's one flight recording in the node ({@code jfr:start}, {@code jfr:dump}, {@code jfr:stop}),
 * through the JDK's {@code jdk.jfr} API in process. Only the JDK's own settings files are taken
 * (default, profile: never a path, which would read a file on the node's host); the recording goes
 * to the JVM's repository on disk, at most {@value #MAX_BYTES} bytes of it kept (JFR drops the
 * oldest chunks), and only diag's own recording is touched: an app's or an operator's are left alone.
 * {@link #close} ends it, and the agent calls it when stopped, so no recording of diag's outlives it.
 * The JVM keeps its flight recorder (two threads, "JFR Recorder Thread" and "JFR Periodic Tasks")
 * once started: the JDK cannot unload it.
 *
 * <pre>
 * recorder.start("profile")            // JfrRecording{profile, RUNNING, 0 ms, 0 bytes}
 * recorder.dump(Path.of("/tmp/x.jfr")) // the chunks so far, copied to the file
 * recorder.stop()                      // JfrRecording{profile, CLOSED, 42,113 ms, 3.1 MiB}
 * </pre>
 */
final class FlightRecorder {
    static final long MAX_BYTES = 256L * 1024 * 1024;
    static final String NAME = "diag";

    private Recording recording;
    private String settings;

    /** Starts diag's recording with the JDK's settings called {@code settings}; one at a time. */
    synchronized JfrRecording start(String settings) throws FunctionException {
        if (recording != null) {
            throw FunctionException.badArgument("diag's flight recording is already running (" + this.settings
                    + " settings, for " + recordedMillis(recording) / 1000 + " s); jfr:dump(Path) writes it to a file, jfr:stop() ends it");
        }
        Configuration configuration = configuration(settings);
        Recording started = new Recording(configuration);
        try {
            started.setName(NAME);
            started.setToDisk(true);
            started.setMaxSize(MAX_BYTES);
            started.start();
        } catch (RuntimeException e) { // e.g. the repository cannot be written: the recording must not linger
            started.close();
            throw FunctionException.failed("the JVM could not start a flight recording: " + e.getMessage());
        }
        recording = started;
        this.settings = configuration.getName();
        return status(started, this.settings);
    }

    /** Writes what diag's recording holds so far to {@code path} (checked by the caller); blocks while it copies. */
    void dump(Path path) throws IOException, FunctionException {
        Recording running;
        synchronized (this) {
            running = running();
        }
        running.dump(path);
    }

    /** Ends diag's recording and discards its chunks; answers how long it ran and how much it held. */
    synchronized JfrRecording stop() throws FunctionException {
        Recording running = running();
        JfrRecording status = status(running, settings);
        close();
        return new JfrRecording(status.settings(), RecordingState.CLOSED.name(), status.recordedMillis(),
                status.bytes(), status.maxBytes());
    }

    /** Ends diag's recording if one runs, deleting its chunks; never throws (the agent calls it as it stops). */
    synchronized void close() {
        if (recording != null) {
            try {
                recording.close(); // stops it and deletes its files from the repository
            } catch (RuntimeException e) {
                // nothing may escape into the stopping agent; the JVM removes its repository when it exits
            }
            recording = null;
            settings = null;
        }
    }

    /** What diag's recording holds now, in bytes (0 when none runs): what a dump of it may take on disk. */
    synchronized long bytes() {
        return recording == null ? 0 : recording.getSize();
    }

    /** Refuses, in one sentence, when diag has no recording running. */
    synchronized void requireRunning() throws FunctionException {
        running();
    }

    /** What a jfr: call does, whose failures {@link #guarded} turns into one sentence. */
    interface Action<T> {
        T run() throws FunctionException;
    }

    /**
     * Runs {@code action}, a JVM without the jdk.jfr module (a trimmed jlink image) or a recorder that
     * refuses (disabled with -XX:-FlightRecorder) answering one sentence instead of an exception.
     */
    static <T> T guarded(Action<T> action) throws FunctionException {
        try {
            return action.run();
        } catch (NoClassDefFoundError e) {
            throw FunctionException.failed("this JVM has no flight recorder: its runtime lacks the jdk.jfr module");
        } catch (IllegalStateException | SecurityException e) {
            throw FunctionException.failed("the JVM's flight recorder refused: " + e.getMessage());
        }
    }

    private Recording running() throws FunctionException {
        if (recording == null) {
            throw FunctionException.badArgument("diag has no flight recording running; jfr:start(default) starts one");
        }
        return recording;
    }

    private static Configuration configuration(String settings) throws FunctionException {
        List<String> names = Configuration.getConfigurations().stream().map(Configuration::getName).toList();
        if (!names.contains(settings)) {
            List<String> near = EditDistance.nearest(names, settings, 2);
            throw FunctionException.badArgument("the JDK has no flight recorder settings called " + Echo.of(settings)
                    + (near.isEmpty() ? "" : "; nearest: " + String.join(", ", near)) + "; use one of "
                    + String.join(", ", names) + " (a settings file on the node's host is not taken)");
        }
        try {
            return Configuration.getConfiguration(settings);
        } catch (IOException | ParseException e) {
            throw FunctionException.failed("the JDK could not read its " + settings + " settings: " + e.getMessage());
        }
    }

    private static JfrRecording status(Recording recording, String settings) {
        return new JfrRecording(settings, recording.getState().name(), recordedMillis(recording), recording.getSize(),
                MAX_BYTES);
    }

    private static long recordedMillis(Recording recording) {
        Instant start = recording.getStartTime();
        return start == null ? 0 : Duration.between(start, Instant.now()).toMillis();
    }
}
