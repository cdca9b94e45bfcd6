package dev.diag.agent.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.diag.agent.probe.logging.ChangedLevels;
import dev.diag.agent.probe.logging.LoggingFrameworks;
import dev.diag.protocol.result.LevelChanges;
import dev.diag.protocol.result.LoggerLevels;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * logger(), logger:set_level and logger:reset on java.util.logging in process (logback and log4j2 run
 * for real in LoggerLevelsIT: this module has neither). Without an Instrumentation only JUL is looked at.
 */
class LoggerFunctionsTest {
    private static final Logger ORDERS = Logger.getLogger("test.orders"); // held: JUL keeps its loggers weakly
    private static final Logger PAYMENTS = Logger.getLogger("test.payments");

    private final LoggingFrameworks frameworks = new LoggingFrameworks(null);
    private final ChangedLevels changed = new ChangedLevels();
    private final LoggerSetLevel setLevel = new LoggerSetLevel(frameworks, changed);

    @AfterEach
    void putBack() {
        ORDERS.setLevel(null);
        PAYMENTS.setLevel(null);
    }

    @Test
    void setsALevelAnswersThePreviousOneAndResetPutsItBack() throws Exception {
        PAYMENTS.setLevel(Level.WARNING);

        LevelChanges orders = set("test.orders", "debug");
        LevelChanges payments = set("test.payments", "trace");
        set("test.payments", "error"); // a second change keeps the first level for reset

        assertEquals(List.of(new LevelChanges.Change("java.util.logging", "test.orders", null, "INFO", "FINE")),
                orders.changes());
        assertEquals("WARNING", payments.changes().get(0).previous());
        assertEquals(Level.FINE, ORDERS.getLevel());
        assertEquals(Level.SEVERE, PAYMENTS.getLevel());

        LevelChanges reset = (LevelChanges) new LoggerReset(changed).call(args(), OneShotContext.INSTANCE);

        assertEquals(2, reset.changes().size());
        assertNull(ORDERS.getLevel(), "inherits again, as before");
        assertEquals(Level.WARNING, PAYMENTS.getLevel());
        assertEquals(List.of(), ((LevelChanges) new LoggerReset(changed).call(args(), OneShotContext.INSTANCE)).changes());
    }

    @Test
    void listsLevelledLoggersAndMarksWhatDiagChanged() throws Exception {
        PAYMENTS.setLevel(Level.WARNING);
        set("test.orders", "info");

        LoggerLevels levels = (LoggerLevels) new LoggerList(frameworks, changed).call(args(), OneShotContext.INSTANCE);

        assertTrue(levels.loggers().contains(new LoggerLevels.Row("java.util.logging", "test.payments", "WARNING",
                "WARNING", null)), levels.toString());
        assertTrue(levels.loggers().contains(new LoggerLevels.Row("java.util.logging", "test.orders", "INFO", "INFO",
                "")), levels.toString());
        assertTrue(levels.notes().get(0).contains("java.util.logging only"), levels.notes().toString());
        changed.reset();
    }

    @Test
    void refusesAnUnknownLoggerAndAnUnknownLevel() {
        FunctionException logger = assertThrows(FunctionException.class, () -> set("no.such.logger", "debug"));
        assertEquals("no logger named no.such.logger (nor any under it) in java.util.logging; logger() lists the "
                + "loggers with levels", logger.getMessage());
        FunctionException level = assertThrows(FunctionException.class, () -> set("test.orders", "loud"));
        assertTrue(level.getMessage().startsWith("unknown level 'loud'; use trace, debug"), level.getMessage());
        assertNull(ORDERS.getLevel());
    }

    @Test
    void rootMeansTheRootLogger() throws Exception {
        Logger root = Logger.getLogger("");
        Level before = root.getLevel();
        LevelChanges changes = set("root", "warn");
        assertEquals(Level.WARNING, root.getLevel());
        assertEquals("", changes.changes().get(0).logger());
        changed.reset();
        assertEquals(before, root.getLevel());
    }

    private LevelChanges set(String name, String level) throws FunctionException {
        return (LevelChanges) setLevel.call(args(name, level), OneShotContext.INSTANCE);
    }

    private static Args args(String... values) {
        return new Args("logger:set_level", Arrays.stream(values).map(v -> (JsonNode) TextNode.valueOf(v)).toList());
    }
}
