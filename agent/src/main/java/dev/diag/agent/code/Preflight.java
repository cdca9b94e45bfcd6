package dev.diag.agent.code;

import dev.diag.agent.probe.Reasons;
import dev.diag.protocol.result.UpgradeProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a whole upgrade set before anything changes: for each class, the schema changes the JVM
 * would refuse ({@link SchemaCheck}), and every use its new bytecode makes of other classes,
 * resolved against the set itself first and then against the node ({@link ReferenceCheck}). So a
 * new A that calls a method only the new B has passes when A and B are loaded together, in
 * whatever order they were given, and is refused when A comes alone.
 *
 * Costs one reflective read of each loaded class the set touches and one ASM pass over each new
 * class file; nothing in the node changes (a class named only in a signature may be loaded, not
 * initialised, by reflection).
 */
final class Preflight {
    /** What a preflight found: problems that block the set, and notes on what it could not check. */
    record Result(List<UpgradeProblem> problems, List<String> notes) {
        boolean passed() {
            return problems.isEmpty();
        }
    }

    private Preflight() {
    }

    /** {@code privateMethodsMayChange}: the JVM runs with -XX:+AllowRedefinitionToAddDeleteMethods. */
    static Result run(List<Candidate> set, LoadedClasses loaded, boolean privateMethodsMayChange) {
        Map<String, Candidate> byName = new HashMap<>();
        for (Candidate candidate : set) {
            byName.put(candidate.file().shape().name(), candidate);
        }
        ShapeResolver resolver = new ShapeResolver(loaded, byName);
        List<UpgradeProblem> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Candidate candidate : set) {
            if (candidate.isNew()) {
                ReferenceCheck.check(candidate, resolver, problems, notes); // nothing loaded to compare its schema with
                continue;
            }
            ClassShape running;
            try {
                running = LoadedShapes.of(candidate.target());
            } catch (RuntimeException | LinkageError e) {
                notes.add("could not read the loaded members of " + candidate.className() + " (" + Reasons.of(e)
                        + "); the JVM checks its schema itself");
                running = null;
            }
            if (running != null) {
                problems.addAll(SchemaCheck.compare(candidate.className(), running, candidate.file().shape(),
                        privateMethodsMayChange));
            }
            ReferenceCheck.check(candidate, resolver, problems, notes);
        }
        return new Result(problems, notes);
    }
}
