package dev.diag.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.diag.protocol.result.LevelChanges;
import dev.diag.protocol.result.LoggerLevels;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoggerViewTest {

    @Test
    void listsLevelsPerFrameworkAndWhatDiagChangedFromWhat() {
        assertEquals(List.of(
                "FRAMEWORK          LOGGER              LEVEL  DIAG CHANGED FROM",
                "java.util.logging  (root)              INFO",
                "logback            ROOT                INFO",
                "logback            com.example.orders  DEBUG  inherited",
                "log4j2             com.example.audit   DEBUG  WARN",
                "Frameworks: java.util.logging, logback, log4j2. diag changed 2 levels; logger:reset() puts them",
                "back, as stop() does."),
                LoggerView.levels(new LoggerLevels(List.of(
                        new LoggerLevels.Row("java.util.logging", "", "INFO", "INFO", null),
                        new LoggerLevels.Row("logback", "ROOT", "INFO", "INFO", null),
                        new LoggerLevels.Row("logback", "com.example.orders", "DEBUG", "DEBUG", ""),
                        new LoggerLevels.Row("log4j2", "com.example.audit", "DEBUG", "DEBUG", "WARN")), 0,
                        List.of("java.util.logging", "logback", "log4j2"), List.of()), 100));
    }

    @Test
    void saysHowManyRowsWereLeftOutAndEachNote() {
        List<String> lines = LoggerView.levels(new LoggerLevels(List.of(), 1_200, List.of("java.util.logging"),
                List.of("could not read log4j2's loggers")), 100);
        assertEquals("… 1,200 more loggers with levels left out", lines.get(1));
        assertEquals("Note: could not read log4j2's loggers.", lines.get(3));
    }

    @Test
    void showsEachChangeFromTheInheritedLevel() {
        assertEquals(List.of(
                "FRAMEWORK  LOGGER              WAS               NOW",
                "logback    com.example.orders  inherited (INFO)  DEBUG",
                "log4j2     (root)              ERROR             inherited"),
                LoggerView.changes(new LevelChanges(List.of(
                        new LevelChanges.Change("logback", "com.example.orders", null, "INFO", "DEBUG"),
                        new LevelChanges.Change("log4j2", "", "ERROR", "ERROR", null))), 100));
        assertEquals(List.of("diag had changed no level: nothing to put back."),
                LoggerView.changes(new LevelChanges(List.of()), 100));
    }
}
