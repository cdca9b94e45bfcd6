package dev.diag.protocol.message;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * The one JSON factory of Jackson's streaming core that {@link JsonTree} and the node registry's
 * records read and write through. A class of its own, so that code needing only a parser or a
 * generator (an idle agent writing its registry record) loads no class of Jackson's data binding,
 * which {@link JsonTree}'s tree nodes would. The limits match {@link Json}: field names are not
 * interned, nesting is at most 64 deep.
 */
public final class JsonStreams {
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Json.MAX_DEPTH).build())
            .build();

    private JsonStreams() {
    }
}
