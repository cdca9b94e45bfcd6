package dev.diag.shell.functions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * How the shell shows a streamed answer (e.g. {@code i()}): a header, then one line per row as
 * rows arrive, so a long listing starts printing at once and the console can page it; then a
 * footer from the call's summary result. Columns have fixed widths, since later rows are not
 * known when the first is printed.
 */
public interface StreamView {
    List<String> header(int width);

    String row(JsonNode row, int width) throws Exception;

    List<String> footer(JsonNode summary, int width) throws Exception;
}
