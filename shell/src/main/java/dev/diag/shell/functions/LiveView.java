package dev.diag.shell.functions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A streamed answer the console shows as a live screen (e.g. {@code top()}): each row redraws
 * the whole screen, fitted to its width and height, until a key stops the call. Scripts, which
 * have no screen, print it as any stream, one line per row.
 */
public interface LiveView extends StreamView {
    List<String> frame(JsonNode row, int width, int height) throws Exception;
}
