package dev.diag.shell.functions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.RecordReader;
import dev.diag.shell.expr.Call;
import java.util.List;

/**
 * How the shell shows one function's answer: a {@link Renderer} for a result that comes in one
 * piece, and for a streamed or live answer the {@link StreamView} of its rows. A renderer is given
 * the call as typed, so a function whose answer differs by argument ({@code memory()} against
 * {@code memory(heap)}) picks its record from what was asked, never from which fields came back.
 */
public record FunctionView(Renderer renderer, StreamView stream, Saver saver) {

    public FunctionView(Renderer renderer, StreamView stream) {
        this(renderer, stream, null);
    }

    /** Turns a call's result into lines no wider than {@code width}. */
    @FunctionalInterface
    public interface Renderer {
        List<String> render(Call call, JsonNode result, int width) throws Exception;
    }

    /** A view of one result record, the same whatever the arguments. */
    @FunctionalInterface
    public interface RecordView<R extends Record> {
        List<String> render(R result, int width) throws Exception;
    }

    /**
     * What an answer leaves on the shell's host besides its lines, e.g. profile()'s flame graph: it
     * writes the file at {@code out} (or a name of its own there) and says where; null when it wrote none.
     */
    @FunctionalInterface
    public interface Saver {
        Saved save(Call call, JsonNode result, String node, OutputFile out) throws Exception;
    }

    /** The file a {@link Saver} wrote, and the sentence that says so. */
    public record Saved(java.nio.file.Path path, String sentence) {
    }

    /** This view, its answers also saved by {@code saver}. */
    public FunctionView saving(Saver saver) {
        return new FunctionView(renderer, stream, saver);
    }

    /** An answer in one piece, shown by {@code renderer}. */
    public static FunctionView of(Renderer renderer) {
        return new FunctionView(renderer, null);
    }

    /** An answer in one piece: the record {@code type}, shown by {@code view}. */
    public static <R extends Record> FunctionView of(Class<R> type, RecordView<R> view) {
        return of(read(type, view));
    }

    /** Rows shown by {@code stream}, its summary by the stream's footer; nothing else to show. */
    public static FunctionView streamed(StreamView stream) {
        return new FunctionView((call, result, width) -> List.of(), stream);
    }

    /** Rows shown by {@code stream}; an answer that came in one piece (i(Pid) of i()) by {@code renderer}. */
    public static FunctionView streamed(StreamView stream, Renderer renderer) {
        return new FunctionView(renderer, stream);
    }

    /** {@code type} read from the result, then shown by {@code view}. */
    public static <R extends Record> Renderer read(Class<R> type, RecordView<R> view) {
        return (call, result, width) -> view.render(RecordReader.read(result, type), width);
    }
}
