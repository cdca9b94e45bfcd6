package dev.diag.agent.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ValueTextTest {

    /** An app class whose every method a renderer might be tempted to call fails the test. */
    private static final class Touchy {
        @Override
        public String toString() {
            throw new AssertionError("toString ran");
        }

        @Override
        public int hashCode() {
            throw new AssertionError("hashCode ran");
        }

        @Override
        public boolean equals(Object other) {
            throw new AssertionError("equals ran");
        }
    }

    private enum Size { SMALL }

    @Test
    void anAppObjectIsShownByClassAndIdentityWithoutRunningItsCode() {
        String shown = ValueText.of(new Touchy());
        assertTrue(shown.matches("dev\\.diag\\.agent\\.trace\\.ValueTextTest\\$Touchy@[0-9a-f]+"), shown);
        String inList = ValueText.of(new ArrayList<>(List.of(new Touchy(), new Touchy())));
        assertTrue(inList.startsWith("ArrayList(2)[dev.diag.agent.trace.ValueTextTest$Touchy@"), inList);
        String inMap = ValueText.of(new java.util.HashMap<>(Map.of("k", new Touchy())));
        assertTrue(inMap.startsWith("HashMap(1)[\"k\"=dev.diag"), inMap);
    }

    @Test
    void plainValuesAreShownAsTheyAre() {
        assertEquals("null", ValueText.of(null));
        assertEquals("42", ValueText.of(42));
        assertEquals("2.5", ValueText.of(2.5));
        assertEquals("$x", ValueText.of('x'));
        assertEquals("\"say \\\"hi\\\"\\n\"", ValueText.of("say \"hi\"\n"));
        assertEquals("\"" + "a".repeat(ValueText.MAX_STRING) + "…\"", ValueText.of("a".repeat(100)));
        assertEquals("dev.diag.agent.trace.ValueTextTest$Size.SMALL", ValueText.of(Size.SMALL));
        assertEquals("int[4]{1, 2, 3, …}", ValueText.of(new int[] {1, 2, 3, 4}));
        assertEquals("String[0]", ValueText.of(new String[0]));
        assertEquals("ImmutableCollections$ListN(2)[\"a\", \"b\"]", ValueText.of(List.of("a", "b", "c").subList(0, 2).stream().toList()));
    }

    @Test
    void collectionsThatLockToCountAreShownByIdentity() throws Exception {
        ArrayBlockingQueue<String> queue = new ArrayBlockingQueue<>(1);
        queue.offer("held");
        String shown = ValueText.of(queue);
        assertTrue(shown.startsWith("java.util.concurrent.ArrayBlockingQueue@"), shown);
        assertTrue(ValueText.of(Collections.synchronizedList(new ArrayList<>())).startsWith("java.util.Collections$Synchronized"));
        assertEquals("hello", queue.poll(1, TimeUnit.SECONDS).replace("held", "hello"));
    }

    @Test
    void aThrowableShowsItsMessageOnlyWhenThrowableAnswersIt() {
        assertEquals("java.lang.IllegalStateException: out of stock", ValueText.thrown(new IllegalStateException("out of stock")));
        Exception custom = new Exception("hidden") {
            @Override
            public String getMessage() {
                throw new AssertionError("an app's getMessage ran");
            }
        };
        assertEquals(custom.getClass().getName(), ValueText.thrown(custom));
    }
}
