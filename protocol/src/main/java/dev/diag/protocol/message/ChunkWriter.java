package dev.diag.protocol.message;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes a streamed answer's chunk, {@code {"id":7,"chunk":[row,row,...]}}, straight into an
 * output stream: the rows write themselves into the generator, so no JSON tree and no second
 * copy of the bytes is made per row. The bytes are those {@code MessageCodec.encode(new
 * Message.Chunk(id, trees))} makes of the same rows ({@code ChunkWriterTest} pins it), so a shell
 * cannot tell which path wrote a chunk.
 *
 * <pre>
 * ChunkWriter.write(out, 7, json -> ChunkWriter.writeRecords(json, rows));
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
     * Result records (or any values data binding maps) as their JSON, one after the other, with
     * the configured mapper's rules ({@link Json}): the same text as their trees would give,
     * without building the trees. One serializer context serves them all (Jackson makes one per
     * top-level write: one per row, 10,000 for the backtraces of 10,000 threads).
     */
    public static void writeRecords(JsonGenerator json, List<?> rows) throws IOException {
        try (SequenceWriter sequence = Json.mapper().writer().writeValues(json)) {
            for (Object row : rows) {
                sequence.write(row);
            }
        }
    }
}
