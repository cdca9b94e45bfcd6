package dev.diag.shell.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;

/**
 * An argument as typed: {@code heap}, {@code 42}, {@code "text"}, {@code <61>}, {@code [a, b]}, {@code {a, 1}}.
 * {@link #toJson()} is its wire form: atoms and strings as JSON strings, pids as {"pid": N}.
 */
public sealed interface Term {
    JsonNodeFactory NODES = JsonNodeFactory.instance;

    JsonNode toJson();

    /** How it reads back in Erlang syntax, for echoing a call. */
    String text();

    record Atom(String name) implements Term {
        public JsonNode toJson() {
            return NODES.textNode(name);
        }

        public String text() {
            return quoted(name);
        }

        /** An atom as Erlang prints it: bare when it may be, else quoted with \\ and ' escaped. */
        public static String quoted(String name) {
            return name.matches("[a-z][A-Za-z0-9_@]*") ? name
                    : "'" + name.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
    }

    record Int(long value) implements Term {
        public JsonNode toJson() {
            return NODES.numberNode(value);
        }

        public String text() {
            return Long.toString(value);
        }
    }

    record Str(String value) implements Term {
        public JsonNode toJson() {
            return NODES.textNode(value);
        }

        public String text() {
            return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }

    /** A process: a thread id. {@code <61>}, {@code <0.61.0>} and {@code pid(0,61,0)} all mean thread 61. */
    record Pid(long id) implements Term {
        public JsonNode toJson() {
            return NODES.objectNode().put("pid", id);
        }

        public String text() {
            return "<" + id + ">";
        }
    }

    /** {@code {Class, Method, Arity}}, {@code {5, 1000}}: a JSON array on the wire, as a list is. */
    record Tuple(List<Term> items) implements Term {
        public JsonNode toJson() {
            return NODES.arrayNode().addAll(items.stream().map(Term::toJson).toList());
        }

        public String text() {
            return "{" + String.join(", ", items.stream().map(Term::text).toList()) + "}";
        }
    }

    record ListOf(List<Term> items) implements Term {
        public JsonNode toJson() {
            return NODES.arrayNode().addAll(items.stream().map(Term::toJson).toList());
        }

        public String text() {
            return "[" + String.join(", ", items.stream().map(Term::text).toList()) + "]";
        }
    }
}
