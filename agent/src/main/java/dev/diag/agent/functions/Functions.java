package dev.diag.agent.functions;

import dev.diag.agent.StopSwitch;
import dev.diag.agent.code.CodeLoader;
import dev.diag.agent.heart.Heart;
import dev.diag.agent.probe.JdkInternals;
import dev.diag.agent.probe.GcHistory;
import dev.diag.agent.probe.ShutdownWatch;
import dev.diag.agent.probe.logging.ChangedLevels;
import dev.diag.agent.probe.logging.LoggingFrameworks;
import dev.diag.agent.trace.Tracing;
import dev.diag.protocol.cookie.DiagHome;
import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.function.UniqueNames;
import dev.diag.protocol.node.NodeRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every function the agent answers: one implementation per entry of the protocol's table
 * ({@link Declaration}), chosen by a switch expression so that a declared function without an
 * implementation does not compile. What the functions share (the JDK internals, the registry,
 * heart, one {@link CodeLoader} with one lock and one version history) is handed out here.
 *
 * <p>Lazily: an implementation is made when it is first called (or listed), and what only some
 * functions share (the code loader, tracing, the logging frameworks, the flight recorder) when
 * the first of them is made. A node that is never asked to load code or trace never loads those
 * classes: each class a guest loads costs the target metaspace and heap for good
 * (IdleAgentLoadsLittleTest proves it; bench/footprint measures it).
 */
public final class Functions {
    private final Map<String, Declaration> declared; // by name: the table, in its order
    private final Wiring wiring;                     // null for a list made from ready functions (tests)
    private final Map<Declaration, DiagFunction> made = new ConcurrentHashMap<>(); // read without a lock
    private final Object making = new Object(); // one make per declaration
    private final Map<String, DiagFunction> ready;   // functions handed in whole (tests' extras)

    private Functions(Wiring wiring) {
        this.wiring = wiring;
        this.declared = UniqueNames.index(List.of(Declaration.values()), Declaration::function, "the protocol's table");
        this.ready = Map.of();
    }

    /** A list of ready functions (the tests reach it by reflection to add functions of their own). */
    private Functions(List<DiagFunction> functions) {
        this.wiring = null;
        this.declared = Map.of();
        this.ready = UniqueNames.index(functions, DiagFunction::name, "the agent's function list");
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
        return new Functions(new Wiring(internals, registry, heart, shutdown, gcHistory, stopSwitch));
    }

    /** The class answering each declared function. */
    private static DiagFunction implementation(Declaration declaration, Wiring w) {
        return switch (declaration) {
            case WHY -> new Why(w.internals, w.shutdown, w.gcHistory);
            case MEMORY -> new Memory();
            case REGS -> new Regs(w.internals);
            case SYSTEM_INFO -> new SystemInfo(w.internals, w.shutdown);
            case STATISTICS -> new Statistics();
            case PROCESSES -> new Processes(w.internals);
            case I -> new I(w.internals);
            case PROCESS_INFO -> new ProcessInfoFunction(w.internals);
            case BACKTRACES -> new Backtraces(w.internals);
            case GROUPS -> new Groups(w.internals);
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
            case PROC_COUNT -> new ProcCountFunction(w.internals);
            case PROC_WINDOW -> new ProcWindowFunction(w.internals);
            case TOP -> new Top(w.internals);
            case TRACE -> new Trace(w.tracing());
            case TRACE_STATUS -> new TraceStatus(w.tracing());
            case TRACE_STOP -> new TraceStop(w.tracing());
            case PROFILE -> new Profile();
            case LOAD_FILE, L -> new LoadFile(declaration, w.code());
            case LOAD_BINARY -> new LoadBinary(w.code());
            case CHECK_UPGRADE -> new CheckUpgrade(w.code());
            case ROLLBACK -> new Rollback(w.code());
            case CHECK_PROCESS_CODE -> new CheckProcessCode(w.code());
            case WHICH -> new Which(w.code());
            case IS_LOADED -> new IsLoaded(w.code());
            case ALL_LOADED -> new AllLoaded(w.code());
            case GET_CMD -> new HeartGetCmd(w.heart);
            case SET_CMD -> new HeartSetCmd(w.heart);
            case CLEAR_CMD -> new HeartClearCmd(w.heart);
            case STATUS -> new HeartStatusFunction(w.heart);
            case NODES -> new Nodes(w.registry);
            case FUNCTIONS -> new FunctionsFunction();
            case STOP -> new Stop(w.stopSwitch, w.heart, w::redefinedClasses);
        };
    }

    /**
     * What the implementations are built with: what the agent already has, and, made on first
     * use, what only some functions need. Those made on first use that change the target leave
     * their undo with the stop switch as they are made.
     */
    private static final class Wiring {
        // what the agent already has: read as they are
        final JdkInternals internals;
        final NodeRegistry registry;
        final Heart heart;
        final ShutdownWatch shutdown;
        final GcHistory gcHistory;
        final StopSwitch stopSwitch;
        // made on first use, under this object's lock
        private CodeLoader code;
        private LoggingFrameworks logging;
        private ChangedLevels levels;
        private FlightRecorder recorder;
        private Tracing tracing;

        Wiring(JdkInternals internals, NodeRegistry registry, Heart heart, ShutdownWatch shutdown, GcHistory gcHistory,
                StopSwitch stopSwitch) {
            this.internals = internals;
            this.registry = registry;
            this.heart = heart;
            this.shutdown = shutdown;
            this.gcHistory = gcHistory;
            this.stopSwitch = stopSwitch;
        }

        synchronized CodeLoader code() {
            if (code == null) {
                code = new CodeLoader(internals.instrumentation());
            }
            return code;
        }

        /** What stop() reports: the classes code loading redefined, 0 when no code function was ever made. */
        int redefinedClasses() {
            CodeLoader made;
            synchronized (this) {
                made = code;
            }
            return made == null ? 0 : made.redefinedClasses(); // outside our lock: a running load holds the loader's
        }

        synchronized LoggingFrameworks logging() {
            if (logging == null) {
                logging = new LoggingFrameworks(internals.instrumentation());
            }
            return logging;
        }

        synchronized ChangedLevels levels() {
            if (levels == null) {
                levels = new ChangedLevels();
                stopSwitch.onStop(levels::reset); // the target is left as found: every logger level diag changed goes back
            }
            return levels;
        }

        synchronized FlightRecorder recorder() {
            if (recorder == null) {
                recorder = new FlightRecorder();
                stopSwitch.onStop(recorder::close); // and no flight recording of diag's outlives it
            }
            return recorder;
        }

        synchronized Tracing tracing() {
            if (tracing == null) {
                tracing = new Tracing(internals.instrumentation());
            }
            return tracing;
        }
    }

    /** The function called {@code name}, made now if this is its first call; null if there is none. */
    public DiagFunction find(String name) {
        DiagFunction ready = this.ready.get(name);
        if (ready != null) {
            return ready;
        }
        Declaration declaration = declared.get(name);
        if (declaration == null) {
            return null;
        }
        DiagFunction function = made.get(declaration); // made already: no lock
        if (function != null) {
            return function;
        }
        // not computeIfAbsent(this::make): a method reference is linked on its first use, every first call's
        synchronized (making) {
            function = made.get(declaration);
            if (function == null) {
                function = make(declaration);
                made.put(declaration, function);
            }
            return function;
        }
    }

    private DiagFunction make(Declaration declaration) {
        DiagFunction function = implementation(declaration, wiring);
        if (!function.name().equals(declaration.function())) { // a case answered with another function's class
            throw new IllegalStateException(declaration + " is implemented by " + function.getClass().getSimpleName()
                    + ", which answers " + function.name());
        }
        return function;
    }

    /** Every function, in the table's order: makes those not made yet. */
    public List<DiagFunction> list() {
        if (wiring == null) {
            return List.copyOf(ready.values());
        }
        List<DiagFunction> all = new ArrayList<>();
        for (String name : declared.keySet()) {
            all.add(find(name));
        }
        return all;
    }
}
