package dev.diag.agent.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ReasonsTest {

    @Test
    void saysAFailureInWordsNeverByItsJavaClassName() {
        assertEquals("data that ends too soon or points past its end",
                Reasons.of(new ArrayIndexOutOfBoundsException("Index 9 out of bounds for length 9")));
        assertEquals("out of memory: Java heap space", Reasons.of(new OutOfMemoryError("Java heap space")));
        assertEquals("out of stack", Reasons.of(new StackOverflowError()));
        assertEquals("bytecode that does not verify: Bad type on operand stack",
                Reasons.of(new VerifyError("Bad type on operand stack\nException Details: ...")));
        assertEquals("an unexpected failure with no message", Reasons.of(new IllegalStateException()));
    }

    @Test
    void keepsAMessageThatSaysItAllToItsFirstLine() {
        assertEquals("Permission denied", Reasons.of(new IOException("Permission denied\nmore")));
        assertEquals("class redefinition failed: attempted to add a method",
                Reasons.of(new UnsupportedOperationException("class redefinition failed: attempted to add a method")));
    }
}
