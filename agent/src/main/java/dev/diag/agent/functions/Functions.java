package dev.diag.agent.functions;

import dev.diag.agent.StopSwitch;
import dev.diag.agent.code.CodeLoader;
import dev.diag.agent.heart.Heart;
import dev.diag.agent.probe.JdkInternals;
import dev.diag.agent.probe.GcHistory;
import dev.diag.agent.probe.ShutdownWatch;
import dev.diag.agent.probe.logging.ChangedLevels;
import dev.diag.agent.probe.logging.LoggingFrameworks;
import dev.diag.protocol.cookie.DiagHome;
import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.function.UniqueNames;
import dev.diag.protocol.node.NodeRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every function the agent answers: one implementation per entry of the protocol's table
 * ({@link Declaration}), chosen by a switch expression so that a declared function without an
 * implementation does not compile. What the functions share (the JDK internals, the registry,
 * heart, one {@link CodeLoader} with one lock and one version history) is handed out here.
 */
public final class Functions {
    private final Map<String, DiagFunction> byName;

    private Functions(List<DiagFunction> functions) {
        byName = UniqueNames.index(functions, DiagFunction::name, "the agent's function list");
    }

    /** The functions, without access to JDK internals (tests, and agents started from code). */
    public static Functions all() {
        return all(JdkInternals.withoutInstrumentation());
    }

    /** The functions, with the probes reading JDK internals through {@code internals}; nodes() reads $DIAG_HOME's registry. */
    public static Functions all(JdkInternals internals) {
        return all(internals, new NodeRegistry(DiagHome.fromEnvironment().nodes()));
    }

    /** The functions, nodes() answering from {@code registry}: the one the node registered in. */
    public static Functions all(JdkInternals internals, NodeRegistry registry) {
        return all(internals, registry, Heart.off());
    }

    /** The functions, the heart ones (heart:get_cmd() ...) answering for {@code heart}. */
    public static Functions all(JdkInternals internals, NodeRegistry registry, Heart heart) {
        return all(internals, registry, heart, ShutdownWatch.open());
    }

    /** The functions, system_info(shutdown) answering from {@code shutdown}, the agent's watch. */
    public static Functions all(JdkInternals internals, NodeRegistry registry, Heart heart, ShutdownWatch shutdown) {
        return all(internals, registry, heart, shutdown, GcHistory.none());
    }

    /** The functions, why() weighing the GC of the last minute from {@code gcHistory}, the agent's. */
    public static Functions all(JdkInternals internals, NodeRegistry registry, Heart heart, ShutdownWatch shutdown,
            GcHistory gcHistory) {
        return all(internals, registry, heart, shutdown, gcHistory, new StopSwitch());
    }

    /** The functions, stop() stopping the agent {@code stopSwitch} is connected to (an unconnected one: none). */
    public static Functions all(JdkInternals internals, NodeRegistry registry, Heart heart, ShutdownWatch shutdown,
            GcHistory gcHistory, StopSwitch stopSwitch) {
        ChangedLevels levels = new ChangedLevels();
        stopSwitch.onStop(levels::reset); // the target is left as found: every logger level diag changed goes back
        FlightRecorder recorder = new FlightRecorder();
        stopSwitch.onStop(recorder::close); // and no flight recording of diag's outlives it
        Wiring wiring = new Wiring(internals, registry, heart, new CodeLoader(internals.instrumentation()), shutdown,
                gcHistory, stopSwitch, new LoggingFrameworks(internals.instrumentation()), levels, recorder);
        List<DiagFunction> functions = new ArrayList<>();
        for (Declaration declaration : Declaration.values()) {
            DiagFunction function = implementation(declaration, wiring, functions);
            if (!function.name().equals(declaration.function())) { // a case answered with another function's class
                throw new IllegalStateException(declaration + " is implemented by " + function.getClass().getSimpleName()
                        + ", which answers " + function.name());
            }
            functions.add(function);
        }
        return new Functions(functions);
    }

    /** The class answering each declared function. */
    private static DiagFunction implementation(Declaration declaration, Wiring w, List<DiagFunction> all) {
        return switch (declaration) {
            case WHY -> new Why(w.internals(), w.shutdown(), w.gcHistory());
            case MEMORY -> new Memory();
            case REGS -> new Regs(w.internals());
            case SYSTEM_INFO -> new SystemInfo(w.internals(), w.shutdown());
            case STATISTICS -> new Statistics();
            case PROCESSES -> new Processes(w.internals());
            case I -> new I(w.internals());
            case PROCESS_INFO -> new ProcessInfoFunction(w.internals());
            case BACKTRACES -> new Backtraces(w.internals());
            case GROUPS -> new Groups(w.internals());
            case DEADLOCKS -> new DeadlocksFunction();
            case HEAP_HISTOGRAM -> new HeapHistogramFunction();
            case GARBAGE_COLLECT -> new GarbageCollectFunction();
            case HEAP_DUMP -> new HeapDump();
            case JCMD -> new Jcmd();
            case LOGGER -> new LoggerList(w.logging(), w.levels());
            case SET_LEVEL -> new LoggerSetLevel(w.logging(), w.levels());
            case RESET -> new LoggerReset(w.levels());
            case JFR_START -> new JfrStart(w.recorder());
            case JFR_DUMP -> new JfrDump(w.recorder());
            case JFR_STOP -> new JfrStop(w.recorder());
            case PROC_COUNT -> new ProcCountFunction(w.internals());
            case PROC_WINDOW -> new ProcWindowFunction(w.internals());
            case TOP -> new Top(w.internals());
            case LOAD_FILE, L -> new LoadFile(declaration, w.code());
            case LOAD_BINARY -> new LoadBinary(w.code());
            case CHECK_UPGRADE -> new CheckUpgrade(w.code());
            case ROLLBACK -> new Rollback(w.code());
            case CHECK_PROCESS_CODE -> new CheckProcessCode(w.code());
            case WHICH -> new Which(w.code());
            case IS_LOADED -> new IsLoaded(w.code());
            case ALL_LOADED -> new AllLoaded(w.code());
            case GET_CMD -> new HeartGetCmd(w.heart());
            case SET_CMD -> new HeartSetCmd(w.heart());
            case CLEAR_CMD -> new HeartClearCmd(w.heart());
            case STATUS -> new HeartStatusFunction(w.heart());
            case NODES -> new Nodes(w.registry());
            case FUNCTIONS -> new FunctionsFunction(() -> List.copyOf(all)); // complete by the time it is called
            case STOP -> new Stop(w.stopSwitch(), w.heart(), w.code());
        };
    }

    /** What the implementations are built with. */
    private record Wiring(JdkInternals internals, NodeRegistry registry, Heart heart, CodeLoader code,
            ShutdownWatch shutdown, GcHistory gcHistory, StopSwitch stopSwitch, LoggingFrameworks logging,
            ChangedLevels levels, FlightRecorder recorder) {
    }

    public DiagFunction find(String name) {
        return byName.get(name);
    }

    public List<DiagFunction> list() {
        return List.copyOf(byName.values());
    }
}
