package dev.diag.agent.code;

/**
 * A class file sent by {@code bin/diag load}: where the shell read it ({@code source}, for
 * messages), its bytes, and whether it was found in a directory given ({@code optional}): such a
 * file of a class the node has not loaded is left out with a note, not refused.
 */
public record SentFile(String source, byte[] bytes, boolean optional) {
}
