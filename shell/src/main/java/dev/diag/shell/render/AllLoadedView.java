package dev.diag.shell.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.RecordReader;
import dev.diag.protocol.result.LoadedClassRow;
import dev.diag.protocol.result.LoadedSummary;
import dev.diag.shell.functions.StreamView;
import java.util.List;

/**
 * {@code code:all_loaded()}: one loaded class a line as rows stream in (the console pages them),
 * then how many. A class diag redefined is marked {@code *}.
 *
 * <pre>
 * CLASS                                      LOADER                ORIGIN
 * shop.Pricing *                             app                   file:/srv/shop/classes/
 * </pre>
 */
public final class AllLoadedView implements StreamView {
    private static final int CLASS_WIDTH = 50;
    private static final int LOADER_WIDTH = 28;

    @Override
    public List<String> header(int width) {
        return List.of(pad("CLASS", CLASS_WIDTH) + pad("LOADER", LOADER_WIDTH) + "ORIGIN");
    }

    @Override
    public String row(JsonNode row, int width) throws Exception {
        LoadedClassRow loaded = RecordReader.read(row, LoadedClassRow.class);
        return pad(loaded.className() + (loaded.redefined() ? " *" : ""), CLASS_WIDTH) + pad(loaded.loader(), LOADER_WIDTH)
                + (loaded.origin() == null ? "-" : loaded.origin());
    }

    @Override
    public List<String> footer(JsonNode summary, int width) throws Exception {
        LoadedSummary done = RecordReader.read(summary, LoadedSummary.class);
        String what = done.prefix() == null ? "" : " whose names start with " + done.prefix();
        return Wrap.words(Units.count(done.listed()) + (done.listed() == 1 ? " class" : " classes") + what + " listed, of " + Units.count(done.loaded())
                + " loaded (hidden classes and arrays not counted); * marks a class diag redefined", Math.max(20, width));
    }

    private static String pad(String text, int width) {
        StringBuilder padded = new StringBuilder(text);
        padded.append(' ');
        while (padded.length() < width) {
            padded.append(' ');
        }
        return padded.toString();
    }
}
