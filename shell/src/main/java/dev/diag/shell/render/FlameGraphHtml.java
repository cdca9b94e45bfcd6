package dev.diag.shell.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diag.protocol.message.JsonTree;
import dev.diag.protocol.result.ProfileReport;
import dev.diag.protocol.result.ProfileStack;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A profile's flame graph as one self-contained HTML file (no script or font from the network, so
 * it opens on an air-gapped laptop): the template flamegraph.html beside this class draws the
 * collapsed stacks, which are put into it as JSON. async-profiler's own HTML writer is native code
 * inside the node, not in its Java artifact, so the shell draws its own from the same stacks.
 */
public final class FlameGraphHtml {
    private FlameGraphHtml() {
    }

    /** The page for {@code report}, titled e.g. "orders: cpu profile". */
    public static String render(ProfileReport report, String node) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("title", node + ": " + report.event() + " profile");
        data.put("facts", ProfileView.summary(report)
                + (report.notes().isEmpty() ? "" : ". " + String.join(". ", report.notes())));
        data.put("unit", report.unit());
        ArrayNode stacks = data.putArray("stacks");
        for (ProfileStack stack : report.stacks()) {
            stacks.addArray().add(stack.frames()).add(stack.weight());
        }
        // "</" would end the script element early: JSON allows "<\/" for it, and a frame name may hold "</"
        String json = JsonTree.text(data).replace("</", "<\\/");
        return template().replace("/*TITLE*/", escape(node + ": " + report.event() + " profile"))
                .replace("/*DATA*/", json);
    }

    /**
     * A frame as people read it: a Java method with dots ({@code java.lang.Thread.run}, where
     * async-profiler writes {@code java/lang/Thread.run}), and the suffix async-profiler marks
     * allocated classes with ({@code byte[]_[i]}: in a new TLAB, {@code _[k]}: outside one) dropped.
     */
    static String readable(String frame) {
        String name = frame.matches(".*_\\[[a-z0-9]\\]$") ? frame.substring(0, frame.length() - 4) : frame;
        // C++ frames (::), a library's path (/usr/lib/libz.so) and frames with spaces are no Java names
        return name.contains("::") || name.contains(" ") || name.startsWith("/") ? name : name.replace('/', '.');
    }

    /** In an alloc profile, a frame that is the class a sample allocated, as async-profiler marks it (elsewhere _[k] is a kernel frame). */
    static boolean isAllocatedClass(String frame) {
        return frame.endsWith("_[i]") || frame.endsWith("_[k]");
    }

    private static String template() {
        try (InputStream in = FlameGraphHtml.class.getResourceAsStream("flamegraph.html")) {
            if (in == null) {
                throw new IllegalStateException("flamegraph.html is missing from the shell's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
