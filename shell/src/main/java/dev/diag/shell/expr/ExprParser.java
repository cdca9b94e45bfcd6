package dev.diag.shell.expr;

import dev.diag.protocol.message.Echo;
import dev.diag.protocol.message.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses one console line into a {@link Call}, accepting what Erlang's shell accepts for the
 * same call: {@code memory}, {@code memory()}, {@code erlang:memory(heap).},
 * {@code process_info(<0.61.0>, backtrace)}, {@code i(0,61,0)}. The trailing '.' is optional.
 *
 * <pre>
 * call  := [atom ':'] atom ['(' [term {',' term}] ')'] ['.']
 * term  := atom | class | integer | "string" | pid | '[' [term {',' term}] ']' | '{' [term {',' term}] '}'
 * class := atom {('.' | '$') javaIdentifier}      an atom, e.g. l(com.example.Foo$Bar)
 * pid   := '<' int '>' | '<' int '.' int '.' int '>' | pid '(' int ',' int ',' int ')'
 * </pre>
 *
 * Strings and quoted atoms know the escapes {@code \n \t \r \\ \" \'}; any other is refused
 * with its column, never dropped. Lists nest at most {@link #MAX_NESTING} deep, so the request
 * fits the wire's own nesting limit and no line can exhaust the parser's stack.
 */
public final class ExprParser {
    /** The wire's nesting limit ({@link Json#MAX_DEPTH}) less the request's own object and argument list. */
    public static final int MAX_NESTING = Json.MAX_DEPTH - 2;

    private final String input;
    private int pos;
    private int depth;

    private ExprParser(String input) {
        this.input = input;
    }

    public static Call parse(String line) throws ParseException {
        ExprParser parser = new ExprParser(line.strip());
        Call call = parser.call();
        parser.skipSpace();
        if (parser.peek() == '.') {
            parser.pos++;
            parser.skipSpace();
        }
        if (parser.pos < parser.input.length()) {
            throw parser.error("unexpected '" + parser.peek() + "' after the call");
        }
        return call;
    }

    private Call call() throws ParseException {
        skipSpace();
        if (pos >= input.length()) {
            throw error("expected a function name, e.g. memory()");
        }
        String first = atom("a function name, e.g. memory()");
        String module = null;
        String function = first;
        skipSpace();
        if (peek() == ':') {
            pos++;
            skipSpace();
            module = first;
            // a quoted module may hold a newline or be megabytes long: quoted as every echo is
            function = atom("a function name after '" + Echo.of(first) + ":'");
            skipSpace();
        }
        List<Term> args = List.of();
        if (peek() == '(') {
            pos++;
            args = terms(')');
        }
        return new Call(module, function, args);
    }

    private List<Term> terms(char close) throws ParseException {
        List<Term> terms = new ArrayList<>();
        skipSpace();
        if (peek() == close) {
            pos++;
            return terms;
        }
        while (true) {
            terms.add(term());
            skipSpace();
            char c = peek();
            pos++;
            if (c == close) {
                return terms;
            }
            if (c != ',') {
                pos--;
                throw error(pos >= input.length() ? "expected '" + close + "' to close the list"
                        : "expected ',' or '" + close + "'");
            }
            skipSpace();
        }
    }

    private Term term() throws ParseException {
        skipSpace();
        char c = peek();
        if (c == '<') {
            return angledPid();
        }
        if (c == '"') {
            return new Term.Str(quoted('"'));
        }
        if (c == '[' || c == '{') {
            if (++depth > MAX_NESTING) {
                throw error("lists nest at most " + MAX_NESTING + " deep, as deep as a request may go on the wire");
            }
            pos++;
            Term list = c == '[' ? new Term.ListOf(terms(']')) : new Term.Tuple(terms('}'));
            depth--;
            return list;
        }
        if (c == '-' || Character.isDigit(c)) {
            return new Term.Int(integer());
        }
        if (c == '\'' || Character.isLetter(c)) {
            String atom = c == '\'' ? quoted('\'') : className(atom("an argument"));
            skipSpace();
            if (atom.equals("pid") && peek() == '(') {
                return pidCall();
            }
            return new Term.Atom(atom);
        }
        throw error(pos >= input.length() ? "expected an argument" : "unexpected '" + Echo.of(String.valueOf(c)) + "'");
    }

    /** {@code <61>} or {@code <0.61.0>}: the middle number is the thread id, as in Erlang's pid. */
    private Term angledPid() throws ParseException {
        int start = pos++;
        long first = integer();
        long id = first;
        if (peek() == '.') {
            pos++;
            id = integer();
            expect('.');
            integer();
        }
        if (peek() != '>') {
            pos = Math.max(pos, start);
            throw error("expected '>' to close the pid, e.g. <61> or <0.61.0>");
        }
        pos++;
        return new Term.Pid(id);
    }

    private Term pidCall() throws ParseException {
        expect('(');
        List<Term> parts = terms(')');
        if (parts.size() != 3 || !parts.stream().allMatch(Term.Int.class::isInstance)
                || !(parts.get(1) instanceof Term.Int id)) {
            throw error("pid takes three integers, e.g. pid(0,61,0)");
        }
        return new Term.Pid(id.value());
    }

    private String atom(String what) throws ParseException {
        int start = pos;
        if (peek() == '\'') {
            return quoted('\'');
        }
        if (!Character.isLetter(peek())) {
            throw error("expected " + what);
        }
        while (pos < input.length() && (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == '@')) {
            pos++;
        }
        return input.substring(start, pos);
    }

    /**
     * An unquoted argument continued by {@code .Name} or {@code $Name} parts: a Java class name,
     * which Erlang would need quoted ({@code l('com.example.Foo')}), read as one atom. A '.' not
     * followed by a name part (the call's closing '.') ends it.
     */
    private String className(String first) {
        int start = pos - first.length();
        while ((peek() == '.' || peek() == '$') && pos + 1 < input.length()
                && Character.isJavaIdentifierPart(input.charAt(pos + 1))) {
            pos++;
            while (pos < input.length() && Character.isJavaIdentifierPart(peek())) {
                pos++;
            }
        }
        return input.substring(start, pos);
    }

    private long integer() throws ParseException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        while (Character.isDigit(peek())) {
            pos++;
        }
        try {
            return Long.parseLong(input.substring(start, pos));
        } catch (NumberFormatException e) {
            pos = start;
            throw error("expected an integer");
        }
    }

    private String quoted(char quote) throws ParseException {
        int start = pos++;
        StringBuilder text = new StringBuilder();
        while (pos < input.length() && input.charAt(pos) != quote) {
            char c = input.charAt(pos++);
            if (c == '\\' && pos < input.length()) {
                c = escaped(input.charAt(pos));
                pos++;
            }
            text.append(c);
        }
        if (pos >= input.length()) {
            pos = start;
            throw error("unterminated " + (quote == '"' ? "string" : "quoted atom"));
        }
        pos++;
        return text.toString();
    }

    /** The character {@code \c} stands for; an escape we do not know is an error, not a guess. */
    private char escaped(char c) throws ParseException {
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case '\\', '"', '\'' -> c;
            default -> {
                pos--; // at the backslash
                throw error("unknown escape '\\" + (Character.isISOControl(c) ? "?" : c)
                        + "'; the escapes are \\n \\t \\r \\\\ \\\" \\', and \\\\ writes a backslash");
            }
        };
    }

    private void expect(char c) throws ParseException {
        skipSpace();
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < input.length() ? input.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < input.length() && Character.isWhitespace(input.charAt(pos))) {
            pos++;
        }
    }

    private ParseException error(String message) {
        return new ParseException(input, pos, message);
    }
}
