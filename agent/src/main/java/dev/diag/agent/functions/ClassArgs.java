package dev.diag.agent.functions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.agent.code.CodeLoader;
import dev.diag.agent.code.SentFile;
import dev.diag.protocol.message.Echo;
import dev.diag.protocol.message.JsonTree;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The arguments of the code functions: a class as {@code com.example.Foo}, {@code 'com.example.Foo'},
 * {@code "com/example/Foo"} or a list of them; and the class files bin/diag load sends, a list of
 * {@code {"source": "build/Foo.class", "bytes": "<base64>", "optional": false}} (optional: found in a
 * directory, so left out when its class is not loaded).
 */
final class ClassArgs {
    private ClassArgs() {
    }

    /** The class names at argument {@code i}: one, or a non-empty list. */
    static List<String> names(Args args, int i) throws FunctionException {
        JsonNode value = args.values().get(i);
        List<String> names = new ArrayList<>();
        if (value.isArray()) {
            for (JsonNode item : value) {
                names.add(name(item));
            }
        } else {
            names.add(name(value));
        }
        if (names.isEmpty()) {
            throw FunctionException.badArgument(args.function() + " needs at least one class");
        }
        return names;
    }

    private static String name(JsonNode value) throws FunctionException {
        if (!value.isTextual() || value.textValue().isBlank() || value.textValue().matches(".*[\\s;\\[(].*")) {
            throw FunctionException.badArgument("a class is named like com.example.Foo or 'com.example.Foo$Bar', got "
                    + Echo.of(JsonTree.text(value)));
        }
        String name = value.textValue().replace('/', '.');
        return name.endsWith(".class") ? name.substring(0, name.length() - ".class".length()) : name;
    }

    /** The class files at argument {@code i}, as bin/diag load sends them. */
    static List<SentFile> files(Args args, int i) throws FunctionException {
        JsonNode value = args.values().get(i);
        if (!value.isArray() || value.isEmpty() || !value.get(0).isObject()) {
            throw FunctionException.badArgument(args.function() + " takes class files as diag load sends them "
                    + "(diag load --node N Foo.class ...); at the console, l(Class) reloads a class whose class file "
                    + "changed on disk");
        }
        List<SentFile> files = new ArrayList<>();
        for (JsonNode file : value) {
            JsonNode bytes = file.path("bytes");
            if (!bytes.isTextual()) {
                throw FunctionException.badArgument("each class file needs \"bytes\" (base64), got " + file.fieldNames());
            }
            try {
                files.add(new SentFile(file.path("source").asText("class file " + (files.size() + 1)),
                        Base64.getDecoder().decode(bytes.textValue()), file.path("optional").asBoolean(false)));
            } catch (IllegalArgumentException e) {
                throw FunctionException.badArgument("the bytes of " + file.path("source").asText("a class file")
                        + " are not base64: " + e.getMessage());
            }
        }
        return files;
    }

    /** Fails unless the node can redefine classes. */
    static void requireInstrumentation(CodeLoader code) throws FunctionException {
        String why = code.unavailable();
        if (why != null) {
            throw FunctionException.failed(why);
        }
    }

    static FunctionException refused(CodeLoader.Refused refused) {
        return FunctionException.failed(refused.getMessage());
    }
}
