package dev.diag.agent.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.diag.agent.functions.FunctionException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceSpecTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsACountARateAnArityAndOptions() throws Exception {
        TraceSpec count = parse("[\"shop.Pricing\", \"quote\", 10]");
        assertEquals("shop.Pricing.quote", count.target());
        assertEquals("10", count.limit());
        assertEquals(TraceSpec.DEFAULT_TIME_MILLIS, count.timeMillis());

        TraceSpec rate = parse("[[\"shop.Pricing\", \"quote\", 2], [5, 1000], [[\"time\", 30], \"stack\", [\"arg\", 1, \"fig\"]]]");
        assertEquals("shop.Pricing.quote/2", rate.target());
        assertTrue(rate.rated());
        assertEquals("{5, 1000}", rate.limit());
        assertEquals(30_000, rate.timeMillis());
        assertEquals(5, rate.stackDepth());
        assertEquals(0, rate.matchIndex());
        assertEquals("fig", rate.matchText());
        assertTrue(rate.matches("quote", 2) && !rate.matches("quote", 1));
        assertTrue(parse("[\"shop.Pricing\", \"*\", 1]").matches("anything", 7));
    }

    @Test
    void theLimitIsRequiredAndBounded() {
        assertRefused("[\"shop.Pricing\", \"quote\"]", "trace takes a class, a method and a limit");
        assertRefused("[[\"shop.Pricing\", \"quote\", 2]]", "trace needs a limit");
        assertRefused("[\"shop.Pricing\", \"quote\", 0]", "count is 1 to");
        assertRefused("[\"shop.Pricing\", \"quote\", [5, 1]]", "a window of 10 to");
        assertRefused("[\"shop.Pricing\", \"quote\", \"lots\"]", "a count N or a rate {N, Ms}");
        assertRefused("[\"shop.Pricing\", \"quote\", 1, [[\"time\", 901]]]", "1 to 900 seconds");
        assertRefused("[\"shop.Pricing\", \"quote\", 1, [\"colour\"]]", "trace's options are");
        assertRefused("[\"shop.Pricing\", \"no-such\", 1]", "is not a method name");
    }

    private static void assertRefused(String args, String says) {
        FunctionException refused = assertThrows(FunctionException.class, () -> parse(args));
        assertTrue(refused.getMessage().contains(says), refused.getMessage());
    }

    private static TraceSpec parse(String args) throws Exception {
        List<JsonNode> values = new ArrayList<>();
        JSON.readTree(args).forEach(values::add);
        return TraceSpec.parse(values);
    }
}
