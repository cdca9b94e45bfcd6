package dev.diag.shell.repl;

import org.jline.reader.impl.DefaultParser;

/**
 * Splits the line into words for completion where an Erlang call has its boundaries: after
 * {@code (}, {@code ,} and spaces, so {@code process_info(<6} completes the pid and
 * {@code memory(he} the kind.
 */
final class WordParser extends DefaultParser {

    @Override
    public boolean isDelimiterChar(CharSequence buffer, int pos) {
        char c = buffer.charAt(pos);
        return c == '(' || c == ',' || Character.isWhitespace(c);
    }
}
