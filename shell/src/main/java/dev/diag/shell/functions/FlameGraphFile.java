package dev.diag.shell.functions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.RecordReader;
import dev.diag.protocol.result.ProfileReport;
import dev.diag.shell.expr.Call;
import dev.diag.shell.render.FlameGraphHtml;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Saves profile()'s flame graph on the shell's host: {@code diag --out FILE.html}, or
 * {@code diag-profile-orders-cpu-20261207-071503.html} in the current directory (or the directory
 * --out names), so profiles taken one after another never overwrite each other unasked. A profile
 * without samples writes nothing.
 */
final class FlameGraphFile {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private FlameGraphFile() {
    }

    static FunctionView.Saved save(Call call, JsonNode result, String node, OutputFile out) throws Exception {
        ProfileReport report = RecordReader.read(result, ProfileReport.class);
        if (report.stacks().isEmpty()) {
            return null; // nothing to draw: the view says there were no samples
        }
        String name = "diag-profile-" + node.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + report.event() + "-"
                + LocalDateTime.now().format(STAMP) + ".html";
        Path file = out.resolve(name);
        Files.writeString(file, FlameGraphHtml.render(report, node), StandardCharsets.UTF_8);
        return new FunctionView.Saved(file, "Flame graph: " + file + " (open it in a browser).");
    }
}
