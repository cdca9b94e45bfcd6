package dev.diag.shell.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.RecordReader;
import dev.diag.protocol.result.ProfileProgress;
import dev.diag.protocol.result.ProfileReport;
import dev.diag.protocol.result.ProfileStack;
import dev.diag.shell.functions.StreamView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code profile(Event, Seconds)}: a line a second while the node samples, then the frames the
 * samples were taken in (each frame's self weight: the stacks it is the top of), heaviest first,
 * and the notes the node gave (a CPU timer instead of perf events). The flame graph is written
 * beside this by {@link FlameGraphHtml}.
 *
 * <pre>
 * SAMPLES  ELAPSED
 *      98      1 s
 * cpu profile, 5.0 s, 493 samples (perf_events, async-profiler 4.2)
 * TOP FRAME                                      SAMPLES  SHARE
 * dev.diag.it.fixture.BusyTarget.burn                471  95.5%
 * </pre>
 */
public final class ProfileView implements StreamView {
    static final int TOP_FRAMES = 15;
    private static final String FORMAT = "%9s  %8s";

    @Override
    public List<String> header(int width) {
        return List.of(String.format(FORMAT, "SAMPLES", "ELAPSED"));
    }

    @Override
    public String row(JsonNode json, int width) throws Exception {
        ProfileProgress row = RecordReader.read(json, ProfileProgress.class);
        return String.format(FORMAT, Units.count(row.samples()),
                Units.millis(row.elapsedMillis()) + " / " + row.seconds() + " s");
    }

    @Override
    public List<String> footer(JsonNode summary, int width) throws Exception {
        return render(RecordReader.read(summary, ProfileReport.class), width);
    }

    public static List<String> render(ProfileReport report, int width) {
        List<String> lines = new ArrayList<>(Wrap.words(summary(report), width));
        for (String note : report.notes()) {
            lines.addAll(Wrap.words("Note: " + note + ".", width));
        }
        if (report.stacks().isEmpty()) {
            lines.addAll(Wrap.words("No samples: nothing ran that this event sees (an idle node, no contended lock)"
                    + " in the window; a longer Seconds may catch some.", width));
            return lines;
        }
        Table table = Table.ofFigures("TOP FRAME", report.unit().toUpperCase(java.util.Locale.ROOT), "SHARE");
        for (Map.Entry<String, Long> frame : topFrames(report.stacks(), TOP_FRAMES, report.unit().equals("bytes"))) {
            table.row(frame.getKey(), report.unit().equals("bytes") ? Units.bytes(frame.getValue())
                    : Units.count(frame.getValue()),
                    Units.percent((double) frame.getValue() / report.total()));
        }
        lines.addAll(table.render(width));
        if (report.stacksLeftOut() > 0) {
            lines.addAll(Wrap.words("… " + Units.count(report.stacksLeftOut()) + " lighter stacks ("
                    + weight(report.weightLeftOut(), report.unit()) + ") were left out to bound the reply", width));
        }
        return lines;
    }

    /** E.g. "cpu profile, 5.0 s, 493 samples (perf_events, async-profiler 4.2)". */
    static String summary(ProfileReport report) {
        boolean samples = report.unit().equals("samples"); // the stacks' weights are the samples themselves
        return report.event() + " profile, " + Units.millis(report.millis()) + ", "
                + Units.count(samples ? report.total() : report.samples()) + " samples"
                + (samples ? "" : " weighing " + weight(report.total(), report.unit())) + " (" + report.engine() + ", "
                + report.profiler() + ")";
    }

    /**
     * Each frame's self weight (the weight of the stacks it tops), heaviest first, at most {@code n};
     * an alloc profile's top frame is the class allocated, shown with the method that allocated it.
     */
    static List<Map.Entry<String, Long>> topFrames(List<ProfileStack> stacks, int n, boolean allocations) {
        Map<String, Long> self = new HashMap<>();
        for (ProfileStack stack : stacks) {
            String[] frames = stack.frames().split(";");
            String top = frames[frames.length - 1];
            String name = FlameGraphHtml.readable(top);
            if (allocations && FlameGraphHtml.isAllocatedClass(top) && frames.length > 1) {
                name += " in " + FlameGraphHtml.readable(frames[frames.length - 2]);
            }
            self.merge(name, stack.weight(), Long::sum);
        }
        List<Map.Entry<String, Long>> ranked = new ArrayList<>(self.entrySet());
        ranked.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return ranked.subList(0, Math.min(n, ranked.size()));
    }

    private static String weight(long total, String unit) {
        return switch (unit) {
            case "bytes" -> Units.bytes(total);
            case "ns" -> Units.millis(total / 1_000_000) + " of waiting";
            default -> Units.count(total) + " " + unit;
        };
    }
}
