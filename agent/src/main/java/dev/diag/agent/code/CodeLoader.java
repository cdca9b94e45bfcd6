package dev.diag.agent.code;

import dev.diag.agent.probe.Reasons;
import dev.diag.protocol.result.UpgradeClass;
import dev.diag.protocol.result.UpgradeProblem;
import dev.diag.protocol.result.UpgradeReport;
import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Live code loading through the agent's Instrumentation: checks an upgrade set
 * ({@link Preflight}) and, only when the whole set passes, redefines it in ONE
 * {@code redefineClasses} call, which the JVM applies to all classes or to none. Before that, the
 * bytes each class runs now are kept ({@link RunningBytes}, {@link VersionHistory}) for
 * code:rollback, which goes through the same preflight.
 *
 * <pre>
 * CodeLoader code = new CodeLoader(instrumentation);
 * UpgradeReport report = code.load(Input.classPath(List.of("com.example.Pricing")));   // l(Pricing)
 * </pre>
 *
 * One upgrade at a time (its methods hold the loader's lock). Costs: a copy of the JVM's class
 * list, the preflight, one retransform pause to keep the running bytes, one redefinition pause.
 */
public final class CodeLoader {
    private final Instrumentation instrumentation;
    private final VersionHistory history = new VersionHistory();
    private final boolean privateMethodsMayChange = VmFlags.on("AllowRedefinitionToAddDeleteMethods");

    /** {@code instrumentation} may be null (an agent started from code): then every call says it cannot. */
    public CodeLoader(Instrumentation instrumentation) {
        this.instrumentation = instrumentation;
    }

    /**
     * What to load or check: loaded classes by name, each with its class file as its loader finds
     * it now (l(Class)), or class files sent by bin/diag load, each for the loaded class it names.
     */
    public record Input(List<String> classNames, List<SentFile> files) {
        public static Input classPath(List<String> classNames) {
            return new Input(List.copyOf(classNames), List.of());
        }

        public static Input sent(List<SentFile> files) {
            return new Input(List.of(), List.copyOf(files));
        }
    }

    /**
     * A refused set: no loaded class was changed, and nothing at all unless {@code staying} new
     * classes were defined before the JVM refused (they stay: a JVM cannot undefine a class). The
     * message lists every problem, one a line.
     */
    public static final class Refused extends Exception {
        Refused(List<UpgradeProblem> problems) {
            this(problems, 0);
        }

        Refused(List<UpgradeProblem> problems, int staying) {
            super(text(problems, staying), null, false, false);
        }

        private static String text(List<UpgradeProblem> problems, int staying) {
            StringBuilder text = new StringBuilder(staying == 0 ? "refused; nothing was changed. "
                    : "refused; no loaded class was changed, but " + (staying == 1 ? "1 new class stays" : staying
                            + " new classes stay") + " defined, unused. ");
            text.append(problems.size() == 1 ? "1 problem:" : problems.size() + " problems:");
            for (UpgradeProblem problem : problems) {
                text.append("\n  ").append(problem.message());
            }
            return text.toString();
        }
    }

    /** Why this node cannot load code, or null when it can. */
    public String unavailable() {
        if (instrumentation == null) {
            return "this node was started from code without the agent's Instrumentation (DiagAgent.start), so it "
                    + "cannot redefine classes; start it with -javaagent or load the agent with diag inject";
        }
        return instrumentation.isRedefineClassesSupported() ? null : "this JVM does not support redefining classes";
    }

    /** The loaded classes now (needs the Instrumentation). */
    public LoadedClasses loaded() {
        return LoadedClasses.of(instrumentation);
    }

    /** Earlier versions kept for {@code type}. */
    public synchronized int versionsKept(Class<?> type) {
        return history.depth(type);
    }

    /** When diag last redefined {@code type}; null when never. */
    public synchronized Long redefinedAt(Class<?> type) {
        return history.redefinedAt(type);
    }

    /** How many classes diag redefined through this loader: they keep that code until redefined again. */
    /** The class file diag defined {@code type} from, when it was a class the node had not loaded; else null. */
    public synchronized String definedFrom(Class<?> type) {
        return history.definedFrom(type);
    }

    public synchronized int redefinedClasses() {
        return history.redefinedClasses();
    }

    /** The preflight alone: nothing changes. */
    public synchronized UpgradeReport check(Input input) {
        UpgradeSet set = set(input);
        Preflight.Result preflight = preflight(set);
        List<UpgradeClass> classes = new ArrayList<>();
        for (Candidate candidate : set.candidates()) {
            classes.add(candidate.isNew() ? row(candidate, null, "would_define")
                    : row(candidate, candidate.target(), "would_redefine"));
        }
        return new UpgradeReport("checked", preflight.passed(), classes, preflight.problems(), null, null,
                preflight.notes());
    }

    /** Loads the set in one step, keeping what each class ran until now for code:rollback. */
    public synchronized UpgradeReport load(Input input) throws Refused {
        return redefine(set(input), false);
    }

    /** Restores, in one step, the version each class ran before diag last redefined it. */
    public synchronized UpgradeReport rollback(List<String> classNames) throws Refused {
        return redefine(UpgradeSet.fromHistory(classNames, history, instrumentation), true);
    }

    private UpgradeSet set(Input input) {
        return input.files().isEmpty() ? UpgradeSet.fromClassPath(input.classNames(), instrumentation)
                : UpgradeSet.fromFiles(input.files(), instrumentation);
    }

    /**
     * After the preflight passed: keeps the running versions, defines the set's new classes (so the
     * redefined code finds them, and not an older copy on the class path), then redefines the
     * classes whose bytes differ from what runs, in one call. A failure at either step leaves every
     * loaded class as it was; only the classes already defined stay (the JVM cannot undefine one).
     */
    private UpgradeReport redefine(UpgradeSet set, boolean rollback) throws Refused {
        Preflight.Result preflight = preflight(set);
        if (!preflight.passed()) {
            throw new Refused(preflight.problems());
        }
        List<String> notes = new ArrayList<>(preflight.notes());
        List<Candidate> candidates = set.candidates();
        List<Candidate> loadedOnes = candidates.stream().filter(c -> !c.isNew()).toList();
        long keepStart = System.nanoTime();
        Map<Class<?>, byte[]> running = rollback ? Map.of() : running(loadedOnes, notes);
        Long keepMicros = rollback || loadedOnes.isEmpty() ? null : (System.nanoTime() - keepStart) / 1_000;
        List<Candidate> changing = new ArrayList<>();
        for (Candidate candidate : loadedOnes) {
            byte[] now = running.get(candidate.target());
            if (rollback || now == null || !SameClass.same(now, candidate.file().bytes())) {
                changing.add(candidate);
            }
        }
        Map<Candidate, Class<?>> defined;
        try {
            defined = ClassDefiner.define(instrumentation, candidates, notes);
        } catch (ClassDefiner.Failed e) {
            remember(e.definedBefore);
            throw new Refused(List.of(new UpgradeProblem(e.candidate.className(), "refused_by_jvm",
                    "the JVM refused to define " + e.candidate.className() + " (" + Reasons.of(e.getCause())
                            + "); no class was redefined" + stay(e.definedBefore))), e.definedBefore.size());
        }
        remember(defined.keySet());
        Long redefineMicros = null;
        if (!changing.isEmpty()) {
            ClassDefinition[] definitions = new ClassDefinition[changing.size()];
            for (int i = 0; i < definitions.length; i++) {
                definitions[i] = new ClassDefinition(changing.get(i).target(), changing.get(i).file().bytes());
            }
            long start = System.nanoTime();
            try {
                instrumentation.redefineClasses(definitions); // ONE call: all classes or none
            } catch (Exception | LinkageError e) {
                throw new Refused(List.of(refusedByJvm(changing, e, defined.keySet())), defined.size());
            }
            redefineMicros = (System.nanoTime() - start) / 1_000;
        }
        long now = System.currentTimeMillis();
        List<UpgradeClass> classes = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (candidate.isNew()) {
                classes.add(row(candidate, defined.get(candidate), "defined"));
                continue;
            }
            Class<?> target = candidate.target();
            boolean changed = changing.contains(candidate);
            if (changed && rollback) {
                history.pop(target);
            } else if (changed && running.containsKey(target)) {
                history.push(target, running.get(target));
            }
            if (changed) {
                history.redefined(target, now);
            }
            classes.add(row(candidate, target, !changed ? "unchanged" : rollback ? "restored" : "redefined"));
        }
        classes.addAll(set.leftDefined());
        return new UpgradeReport(rollback ? "rolled_back" : "loaded", true, classes, List.of(), keepMicros,
                redefineMicros, notes);
    }

    /** Marks classes diag defined, so a rollback can say they stay. */
    private void remember(Collection<Candidate> defined) {
        for (Candidate candidate : defined) {
            loaded().named(candidate.className()).stream()
                    .filter(c -> c.getClassLoader() == candidate.loader())
                    .forEach(c -> history.defined(c, candidate.source()));
        }
    }

    /** "; X, Y, defined before it, stay defined, unused: a JVM cannot undo a class definition", or "". */
    private static String stay(Collection<Candidate> defined) {
        if (defined.isEmpty()) {
            return "";
        }
        List<String> names = new ArrayList<>();
        defined.forEach(c -> names.add(c.className()));
        return "; " + String.join(", ", names) + (names.size() == 1 ? ", defined for this load, stays" : ", defined for "
                + "this load, stay") + " defined and unused: a JVM cannot undo the definition of a class";
    }

    private Preflight.Result preflight(UpgradeSet set) {
        Preflight.Result result = Preflight.run(set.candidates(), set.loaded(), privateMethodsMayChange);
        List<UpgradeProblem> problems = new ArrayList<>(set.problems());
        problems.addAll(result.problems());
        List<String> notes = new ArrayList<>(result.notes());
        List<String> leftOut = set.leftOut();
        if (!leftOut.isEmpty()) {
            notes.add((leftOut.size() == 1 ? "1 class file from the directories and jars given is of a class this node "
                    + "has not loaded and that no class of the set uses; it was left out: " : leftOut.size()
                    + " class files from the directories and jars given are of classes this node has not loaded and that "
                    + "no class of the set uses; they were left out: ")
                    + String.join(", ", leftOut.subList(0, Math.min(10, leftOut.size())))
                    + (leftOut.size() > 10 ? ", …" : ""));
        }
        return new Preflight.Result(problems, notes);
    }

    /** What each class runs now; a class the JVM would not hand over is loaded without a version to go back to. */
    private Map<Class<?>, byte[]> running(List<Candidate> candidates, List<String> notes) {
        List<Class<?>> classes = new ArrayList<>();
        candidates.forEach(c -> classes.add(c.target()));
        Map<Class<?>, byte[]> running;
        try {
            running = RunningBytes.of(instrumentation, classes);
        } catch (Exception | LinkageError e) {
            notes.add("the running versions could not be kept (" + Reasons.of(e) + "): code:rollback cannot undo this load");
            return Map.of();
        }
        for (Candidate candidate : candidates) {
            if (!running.containsKey(candidate.target())) {
                notes.add("the running version of " + candidate.className() + " could not be kept: code:rollback "
                        + "cannot undo this load for it");
            }
        }
        return running;
    }

    private static UpgradeProblem refusedByJvm(List<Candidate> changing, Throwable e,
            Collection<Candidate> defined) {
        List<String> names = new ArrayList<>();
        changing.forEach(c -> names.add(c.className()));
        String reason = Reasons.of(e);
        return new UpgradeProblem(String.join(", ", names), "refused_by_jvm", "the JVM refused to redefine "
                + String.join(", ", names) + " (" + reason + ")" + stay(defined));
    }

    /** {@code type}: the class the row is about now (null for a new class not defined yet, as in a check). */
    private UpgradeClass row(Candidate candidate, Class<?> type, String outcome) {
        return new UpgradeClass(candidate.className(), LoadedClasses.describe(candidate.loader()),
                candidate.source(), candidate.file().bytes().length, outcome, type == null ? 0 : history.depth(type));
    }
}
