package dev.diag.agent.trace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.agent.functions.FunctionException;
import dev.diag.protocol.message.Echo;
import dev.diag.protocol.message.JsonTree;
import java.util.List;

/**
 * What one {@code trace(...)} call asked for, checked: the class and method ('*' for all), the
 * arity (-1 for any), the limit (a count, or at most {@code count} calls per {@code windowMillis}),
 * how long it may run, how many caller frames to show, and the argument a call must show to be
 * shown. Arguments as sent: tuples come as JSON arrays.
 *
 * <pre>
 * trace(com.example.Pricing, quote, 10)                  ["com.example.Pricing","quote",10]
 * trace({com.example.Pricing, quote, 2}, {5, 1000}, [{time, 30}, {stack, 5}, {arg, 1, "apple"}])
 * </pre>
 */
public record TraceSpec(String className, String method, int arity, long count, long windowMillis, long timeMillis,
        int stackDepth, int matchIndex, String matchText) {
    public static final long DEFAULT_TIME_MILLIS = 60_000;
    public static final long MAX_TIME_MILLIS = 15 * 60_000;
    public static final long MAX_COUNT = 1_000_000;
    public static final long MIN_WINDOW_MILLIS = 10;
    public static final int MAX_STACK = 32;
    static final String ALL = "*";

    public boolean rated() {
        return windowMillis > 0;
    }

    /** {@code com.example.Pricing.quote/2}, {@code com.example.Pricing.*}. */
    public String target() {
        return className + "." + method + (arity < 0 ? "" : "/" + arity);
    }

    /** The limit as typed: {@code 10} or {@code {5, 1000}}. */
    public String limit() {
        return rated() ? "{" + count + ", " + windowMillis + "}" : Long.toString(count);
    }

    public boolean matches(String name, int parameters) {
        return (method.equals(ALL) || method.equals(name)) && (arity < 0 || arity == parameters);
    }

    public static TraceSpec parse(List<JsonNode> args) throws FunctionException {
        int next;
        String className;
        String method;
        int arity = -1;
        if (args.get(0).isArray()) {
            JsonNode mfa = args.get(0);
            if (mfa.size() != 3 || !mfa.get(0).isTextual() || !mfa.get(1).isTextual() || !mfa.get(2).isIntegralNumber()
                    || mfa.get(2).asInt() < 0 || mfa.get(2).asInt() > 255) {
                throw FunctionException.badArgument("trace({Class, Method, Arity}, Limit) takes a class, a method and "
                        + "its number of arguments (0 to 255), e.g. {com.example.Pricing, quote, 2}, got "
                        + Echo.of(JsonTree.text(mfa)));
            }
            className = mfa.get(0).textValue();
            method = mfa.get(1).textValue();
            arity = mfa.get(2).asInt();
            next = 1;
        } else {
            if (args.size() < 3 || !args.get(0).isTextual() || !args.get(1).isTextual()) {
                throw FunctionException.badArgument("trace takes a class, a method and a limit: trace(Class, Method, "
                        + "Limit) or trace({Class, Method, Arity}, Limit), e.g. trace(com.example.Pricing, quote, 10)");
            }
            className = args.get(0).textValue();
            method = args.get(1).textValue();
            next = 2;
        }
        if (!method.equals(ALL) && !method.matches("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*")) {
            throw FunctionException.badArgument("'" + Echo.of(method) + "' is not a method name; give one, or '*' for "
                    + "every method of the class");
        }
        if (args.size() <= next) {
            throw FunctionException.badArgument("trace needs a limit: a count N, or a rate {N, Ms}, e.g. "
                    + "trace(" + className + ", " + method + ", 10)");
        }
        JsonNode limit = args.get(next);
        long count;
        long window = 0;
        if (limit.isArray() && limit.size() == 2 && limit.get(0).isIntegralNumber() && limit.get(1).isIntegralNumber()) {
            count = limit.get(0).asLong();
            window = limit.get(1).asLong();
            if (window < MIN_WINDOW_MILLIS || window > MAX_TIME_MILLIS) {
                throw FunctionException.badArgument("a rate {N, Ms} takes a window of " + MIN_WINDOW_MILLIS + " to "
                        + MAX_TIME_MILLIS + " ms, got " + Echo.of(JsonTree.text(limit)));
            }
        } else if (limit.isIntegralNumber()) {
            count = limit.asLong();
        } else {
            throw FunctionException.badArgument("the limit is a count N or a rate {N, Ms}, e.g. 10 or {5, 1000}, got "
                    + Echo.of(JsonTree.text(limit)));
        }
        if (count < 1 || count > MAX_COUNT) {
            throw FunctionException.badArgument("the limit's count is 1 to " + MAX_COUNT + ", got " + count);
        }
        return options(className, method, arity, count, window, args.size() > next + 1 ? args.get(next + 1) : null);
    }

    private static TraceSpec options(String className, String method, int arity, long count, long window,
            JsonNode options) throws FunctionException {
        long time = DEFAULT_TIME_MILLIS;
        int stack = 0;
        int matchIndex = -1;
        String matchText = null;
        if (options != null) {
            if (!options.isArray()) {
                throw FunctionException.badArgument(OPTIONS + ", got " + Echo.of(options.toString()));
            }
            for (JsonNode option : options) {
                String name = option.isArray() && option.size() > 0 ? option.get(0).asText() : option.asText();
                if (name.equals("time") && option.size() == 2 && option.get(1).isIntegralNumber()) {
                    long seconds = option.get(1).asLong();
                    if (seconds < 1 || seconds * 1000 > MAX_TIME_MILLIS) {
                        throw FunctionException.badArgument("{time, Seconds} is 1 to " + MAX_TIME_MILLIS / 1000
                                + " seconds, got " + seconds);
                    }
                    time = seconds * 1000;
                } else if (name.equals("stack") && option.isTextual()) {
                    stack = 5;
                } else if (name.equals("stack") && option.size() == 2 && option.get(1).isIntegralNumber()) {
                    stack = Math.max(1, Math.min(MAX_STACK, option.get(1).asInt()));
                } else if (name.equals("arg") && option.size() == 3 && option.get(1).isIntegralNumber()
                        && option.get(1).asInt() >= 1 && option.get(1).asInt() <= 255 && option.get(2).isValueNode()) {
                    matchIndex = option.get(1).asInt() - 1;
                    matchText = option.get(2).asText();
                } else {
                    throw FunctionException.badArgument(OPTIONS + ", got " + Echo.of(option.toString()));
                }
            }
        }
        return new TraceSpec(className, method, arity, count, window, time, stack, matchIndex, matchText);
    }

    private static final String OPTIONS = "trace's options are a list of {time, Seconds}, {stack, Depth} and "
            + "{arg, I, Value}, e.g. [{time, 30}, {stack, 5}]";
}
