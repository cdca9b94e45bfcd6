package dev.diag.shell.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.message.Json;
import dev.diag.protocol.result.RunQueue;
import dev.diag.protocol.result.StatisticsItem;
import dev.diag.protocol.result.SystemInfoItem;
import dev.diag.protocol.result.ThreadCount;
import dev.diag.shell.expr.ExprParser;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** system_info/1 and statistics/1 in the shell's table: Erlang's spellings, one arity, every item in help. */
class SystemInfoAndStatisticsViewsTest {
    private final FunctionTable table = FunctionTable.standard();

    @ParameterizedTest
    @ValueSource(strings = {"system_info(process_count)", "erlang:system_info(process_limit).", "statistics(run_queue)",
            "erlang:statistics(wall_clock)."})
    void resolvesBareAndErlangSpellings(String line) throws Exception {
        FunctionSpec spec = table.resolve(ExprParser.parse(line));
        assertTrue(line.contains(spec.name() + "("), line);
        assertEquals(Set.of("erlang"), spec.modules());
    }

    @ParameterizedTest
    @ValueSource(strings = {"system_info", "statistics"})
    void takesExactlyOneItem(String name) throws Exception {
        UnknownFunctionException e = assertThrows(UnknownFunctionException.class,
                () -> table.resolve(ExprParser.parse(name + "()")));
        assertEquals("there is no function " + name + "/0; did you mean " + name + "/1? help(" + name
                + ") shows its arguments", e.getMessage());
        assertEquals(name + "/1", table.find(name).orElseThrow().signature());
    }

    @Test
    void isNotWrittenUnderModulesThatDoNotHaveIt() {
        assertThrows(UnknownFunctionException.class, () -> table.resolve(ExprParser.parse("c:system_info(version)")));
        assertThrows(UnknownFunctionException.class, () -> table.resolve(ExprParser.parse("recon:statistics(runtime)")));
    }

    @Test
    void namesEveryItemInTheSummary() {
        String systemInfo = table.find("system_info").orElseThrow().summary();
        for (SystemInfoItem item : SystemInfoItem.values()) {
            assertTrue(systemInfo.contains(item.atom()), item.atom());
        }
        String statistics = table.find("statistics").orElseThrow().summary();
        for (StatisticsItem item : StatisticsItem.values()) {
            assertTrue(statistics.contains(item.atom()), item.atom());
        }
    }

    @Test
    void rendersWhatTheNodeSentByItsItem() throws Exception {
        FunctionSpec systemInfo = table.find("system_info").orElseThrow();
        assertTrue(systemInfo.renderer().render(ExprParser.parse("system_info(process_count)"), Json.mapper().valueToTree(new ThreadCount(8, 7, 8, 8, null, null)), 100)
                .get(0).startsWith("live threads  8"));
        FunctionSpec statistics = table.find("statistics").orElseThrow();
        assertTrue(statistics.renderer().render(ExprParser.parse("statistics(run_queue)"), Json.mapper().valueToTree(new RunQueue(0.5, 2, 1, 0, 0, 8, null)), 100)
                .get(0).startsWith("load average"));
        assertSame(systemInfo, table.resolve(ExprParser.parse("system_info(version)")));
    }
}
