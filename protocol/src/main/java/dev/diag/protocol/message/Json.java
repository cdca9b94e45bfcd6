package dev.diag.protocol.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The configured Jackson mapper, for tests: the reference the lighter paths are held to. No
 * running code builds it: the agent writes results with {@link RecordJson} (the text this mapper
 * made of them, byte for byte), the shell reads them with {@link RecordReader}, and frames and
 * registry files go through {@link JsonTree}. Field names are not interned (a peer must not
 * be able to grow a JVM-wide cache), nesting is shallow, and unknown fields are ignored so an
 * older shell can read a newer agent's results.
 */
public final class Json {
    /** Deepest nesting a peer may send. */
    public static final int MAX_DEPTH = 64;
    private static final ObjectMapper MAPPER = create();

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectMapper create() {
        JsonFactory factory = JsonFactory.builder()
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                .build();
        return new ObjectMapper(factory)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // one frame, one message: bytes after it are an error, not a second message
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }
}
