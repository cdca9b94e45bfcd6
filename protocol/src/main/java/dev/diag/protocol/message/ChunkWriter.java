package dev.diag.protocol.message;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a streamed answer's chunk, {@code {"id":7,"chunk":[row,row,...]}}, straight into an
 * output stream: the rows write themselves into the generator, so no JSON tree and no second
 * copy of the bytes is made per row. The bytes are those {@code MessageCodec.encode(new
 * Message.Chunk(id, trees))} makes of the same rows ({@code ChunkWriterTest} pins it), so a shell
 * cannot tell which path wrote a chunk.
 *
 * <pre>
 * ChunkWriter.write(out, 7, json -> { for (Object row : rows) ChunkWriter.writeRecord(json, row); });
 * </pre>
 */
public final class ChunkWriter {

    /** Rows that write themselves into a chunk's array, one JSON value each. */
    @FunctionalInterface
    public interface Rows {
        void writeTo(JsonGenerator json) throws IOException;
    }

    private ChunkWriter() {
    }

    /** The whole chunk message; {@code out} is not closed. */
    public static void write(OutputStream out, long id, Rows rows) throws IOException {
        try (JsonGenerator json = JsonTree.generator(out)) {
            json.writeStartObject();
            json.writeNumberField("id", id);
            json.writeFieldName("chunk");
            json.writeStartArray();
            rows.writeTo(json);
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    /**
     * One result record (or any value data binding maps) as its JSON, with the configured mapper's
     * rules ({@link Json}): the same text as its tree would give, without building the tree.
     */
    public static void writeRecord(JsonGenerator json, Object row) throws IOException {
        Json.mapper().writeValue(json, row);
    }
}
