package dev.diag.protocol.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.ser.DefaultSerializerProvider;

/**
 * The configured Jackson mapper, for turning result records into JSON on the agent and for
 * tests; frames and registry files use the lighter {@link JsonTree}. Field names are not interned (a peer must not
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

    /**
     * Forgets what the mapper learnt about classes (their serializers and resolved types), as a
     * stopped agent must: the mapper itself is static state of a class the JVM keeps loaded.
     */
    public static void dropCaches() {
        MAPPER.getTypeFactory().clearCache();
        if (MAPPER.getSerializerProvider() instanceof DefaultSerializerProvider provider) {
            provider.flushCachedSerializers();
        }
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
