package dev.diag.shell.render;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The objects {@code --json} prints, one a line: each starts with {@code "v":1}, the version of
 * this envelope, the stable interface scripts and tools read (docs/scripting.md). A change that
 * removes or renames a field, or changes its meaning, is a new version; new fields are not.
 */
public final class JsonLines {
    public static final int VERSION = 1;

    private JsonLines() {
    }

    /** A new line's object, its version first. */
    public static ObjectNode line() {
        return JsonNodeFactory.instance.objectNode().put("v", VERSION);
    }
}
