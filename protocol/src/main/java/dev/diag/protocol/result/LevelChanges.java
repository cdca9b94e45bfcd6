package dev.diag.protocol.result;

import java.util.List;

/**
 * {@code logger:set_level(Name, Level)} and {@code logger:reset()}: each logger whose level was set,
 * in each framework that has it. {@code previous} is the level it had of its own, null when it
 * inherited one ({@code previousEffective} says which).
 */
public record LevelChanges(List<Change> changes) {

    /** One framework's logger: log4j2 "com.example.orders" from null (inherited ERROR) to DEBUG. */
    public record Change(String framework, String logger, String previous, String previousEffective, String level) {
    }
}
