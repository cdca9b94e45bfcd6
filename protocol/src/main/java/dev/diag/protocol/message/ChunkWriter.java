package dev.diag.protocol.message;

import com.fasterxml.jackson.core.JsonGenerator;
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
     * Result records as their JSON, one after the other, written by {@link RecordJson}: the text
     * the configured mapper ({@link Json}) made of them, with no tree per row and no ObjectMapper.
     */
    public static void writeRecords(JsonGenerator json, List<?> rows) throws IOException {
        for (Object row : rows) {
            RecordJson.write(json, row);
        }
    }
}
