package dev.diag.protocol.function;

import static dev.diag.protocol.function.Answer.LIVE;
import static dev.diag.protocol.function.Answer.ONE;
import static dev.diag.protocol.function.Answer.STREAM;
import static dev.diag.protocol.function.Impact.high;
import static dev.diag.protocol.function.Impact.low;
import static dev.diag.protocol.function.Impact.medium;

import dev.diag.protocol.result.MemoryKind;
import dev.diag.protocol.result.ProfileEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every function a node answers, declared once, as HotSpot's {@code register_dcmds()} keeps each
 * diagnostic command's name, description and impact together: the name called on the wire, its
 * arities, the Erlang modules it may be written with ({@code erlang:memory()}), what it costs the
 * target, how it answers, its page under docs/functions/ and its help. The agent implements each
 * constant in one class and the shell shows each in one view, both through switch expressions over
 * this enum, so a function without either does not compile. Two constants with the same name are
 * refused when the table is first read ({@link #find}). This is the one long file of the protocol:
 * it is the table, and adding a function adds one entry here.
 *
 * <pre>
 * Declaration.find("memory").orElseThrow().impact().level()   // LOW
 * </pre>
 */
public enum Declaration {
    WHY("why", new Arity(0, 0), Modules.ERLANG, ONE, "why.md",
            medium("samples for 500 ms: two bulk reads of every thread's counters and lock state (no stacks, no "
                    + "pause), two mailbox scans and their drain counters, heap and GC counters (and the pauses of "
                    + "the last minute, kept from the collectors' notifications), one visit of each "
                    + "virtual thread's park blocker (JDK 21+, at most 1.5 s); then the top frames of the few threads "
                    + "named in findings (JDK 17: one short pause of those threads; JDK 21+: none); no heap walk; at "
                    + "10,000 threads 86-186 ms on the node besides the window, 3.8 MB allocated, no pause over 16 ms; "
                    + "at 1,000,000 virtual threads 165-611 ms, 0.2-0.7 MB (bench/why, 2 cores at load 12)"),
            new Usage("", "the first call on a sick node: what looks wrong now (full or growing mailboxes and what "
                    + "their drainer does, lock convoys, deadlocks, saturated pools, spinning threads, heap near its "
                    + "max, threads near their limit, a JVM in shutdown), ranked by how many processes each holds "
                    + "up, each with its evidence, pids and the next call to make", "why().")),
    MEMORY("memory", new Arity(0, 1), Modules.ERLANG, ONE, "memory.md",
            low("reads the JVM's memory counters and /proc; no pause"),
            new Usage("[Kind]", "memory by area: heap, pools, metaspace, code cache, buffers, stacks, GC; memory(Kind) "
                    + "gives one figure (" + MemoryKind.atoms() + "; native: the JVM's Native Memory Tracking summary)",
                    "memory().   memory(heap).")),
    REGS("regs", new Arity(0, 0), Modules.ERLANG, ONE, "regs.md",
            low("reads a few fields of every live thread and each pool's queue size, and calls the getters of "
                    + "registered Mailbox MXBeans; no pause, no stacks; about 2 ms at 10,000 threads"),
            new Usage("", "the mailboxes, largest first: queues of the thread pools the node's threads work for (found "
                    + "without app changes) and queues the app registered as dev.diag:type=Mailbox MXBeans, with sizes, "
                    + "capacities and owner threads", "regs().")),
    SYSTEM_INFO("system_info", new Arity(1, 1), Modules.ERLANG_ONLY, ONE, "system_info.md",
            low("reads thread counters and runtime properties from the platform MXBeans and the JDK's thread containers "
                    + "(virtual threads: counters only, no thread visited), and for process_limit a few /proc and "
                    + "cgroup files; no pause, but shutdown in a JVM shutting down takes every thread's stack once"),
            new Usage("Item", "one fact about the node: process_count (live threads, platform and virtual), "
                    + "virtual_process_count (virtual threads alone), process_limit (what limits thread creation), "
                    + "schedulers, version, uptime, shutdown (in shutdown or not, and the hooks still running)",
                    "system_info(process_count).   erlang:system_info(process_limit).")),
    STATISTICS("statistics", new Arity(1, 1), Modules.ERLANG_ONLY, ONE, "statistics.md",
            low("reads CPU, GC and load counters from the platform MXBeans; run_queue also reads every thread's state "
                    + "without its stack, which stops no thread"),
            new Usage("Item", "runtime (CPU time), wall_clock (uptime), garbage_collection, run_queue (host load "
                    + "average and this JVM's RUNNABLE threads, labelled)",
                    "statistics(run_queue).   erlang:statistics(garbage_collection).")),
    PROCESSES("processes", new Arity(0, 0), Modules.ERLANG, ONE, "processes.md",
            low("lists thread ids (virtual ones from a walk of the JDK's thread containers); no stacks, no pause; "
                    + "at most 100000 pids"),
            new Usage("", "the pid of every live thread; no stacks, no pause", "processes().")),
    I("i", new Arity(0, 3), Modules.C, STREAM, "i.md",
            medium("no global pause for the table; the current-function column takes a few frames of 500 threads per "
                    + "pause on JDK 17, and walks each thread's own stack without a global pause on JDK 21+, as it "
                    + "does for every virtual thread; i(Pid) costs one thread's frames"),
            new Usage("[Pid | 0, N, 0]", "i() lists every process: pid, name, state, heap (bytes allocated), cpu, "
                    + "mailbox size and current function, then totals; streamed and paged. i(Pid) or i(0,N,0) shows "
                    + "one process as process_info(Pid) does", "i().   i(<61>).   i(0,61,0).")),
    PROCESS_INFO("process_info", new Arity(1, 2), Modules.ERLANG, ONE, "process_info.md",
            medium("one thread: most items read counters (no pause); current_stacktrace takes its stack in one short "
                    + "pause; backtrace also has the JVM walk the heap for java.util.concurrent locks it holds (a pause "
                    + "that grows with heap size); a virtual thread is found by walking the thread containers (no "
                    + "pause) and its stack taken without a pause"),
            new Usage("Pid[, Item]", "one process's items, or one item: current_function, current_stacktrace, "
                    + "backtrace (the stack with locks held and waited for, and who holds them), message_queue_len, "
                    + "status, registered_name, initial_call, memory, reductions, priority, group_leader, links (who "
                    + "it waits for, who waits for it)", "process_info(<61>).   process_info(<61>, backtrace).")),
    BACKTRACES("backtraces", new Arity(0, 0), Modules.ERLANG, STREAM, "backtraces.md",
            medium("every thread's whole stack with the monitors it holds (JDK 25+: each thread's own, no global "
                    + "pause; before: short pauses, each sized by the stacks the last one found, at most 500 threads "
                    + "per pause); no heap walk"),
            new Usage("", "every thread's backtrace, as jstack shows them, with the lock each waits for and who holds "
                    + "it; stacks taken each on its own (JDK 25+) or in short pauses of at most 500 threads, "
                    + "streamed and paged",
                    "backtraces().")),
    GROUPS("groups", new Arity(0, 1), Modules.RECON, ONE, "groups.md",
            medium("every platform thread's stack (JDK 21+: each thread's own, no global pause; JDK 17: 500 threads "
                    + "per pause); every virtual thread visited once for its state and lock, no pause, and the stacks "
                    + "of at most 10000 sampled ones walked"),
            new Usage("[N]", "what all processes are doing, in one screen: grouped by kind (platform or virtual), "
                    + "state, the lock waited for and the top frames, biggest groups first, with an example pid each; "
                    + "the first N groups (default 10). Virtual threads are counted exactly by state and lock, their "
                    + "frames from sampled stacks (~ marks a scaled count)", "groups().   recon:groups(20).")),
    DEADLOCKS("deadlocks", new Arity(0, 0), Modules.ERLANG, ONE, "deadlocks.md",
            low("one global pause in which the JVM looks at every thread's lock: a median 1-3 ms at 10,000 threads "
                    + "(JDK 17 and 25), growing with the thread count; only if there is a deadlock, the involved "
                    + "threads' top frames in one more pause of about 1 ms; no heap walk"),
            new Usage("", "each cycle of threads waiting for each other's monitors or java.util.concurrent locks: who "
                    + "waits for which lock held by whom, where, and who is stuck behind the cycle; one safepoint "
                    + "looks at every thread's lock, no heap walk", "deadlocks().")),
    HEAP_HISTOGRAM("heap_histogram", new Arity(0, 1), Modules.NONE, ONE, "heap_histogram.md",
            high("forces a full GC, then walks the live heap in the same stop-the-world pause, as jcmd "
                    + "GC.class_histogram; the pause grows with live data (measured on 2 cores: 0.15 s with 318 MiB "
                    + "live, 0.6 s with 834 MiB); the reply is the top N classes only"),
            new Usage("[N]", "the N classes (default 20; 0 for the totals alone) whose live instances take the most "
                    + "heap, with instance counts and bytes, then totals; forces a full GC (high impact: the console "
                    + "asks first)", "heap_histogram().   heap_histogram(50).")),
    GARBAGE_COLLECT("garbage_collect", new Arity(0, 0), Modules.ERLANG_ONLY, ONE, "garbage_collect.md",
            high("a stop-the-world full GC, as jcmd GC.run; the pause grows with live data (measured on 2 cores: "
                    + "0.09 s with 318 MiB live, 0.7 s with 834 MiB); ignored under -XX:+DisableExplicitGC"),
            new Usage("", "runs a full GC and shows each pool's used bytes before and after, what was freed, and the "
                    + "collectors' counts; says so when -XX:+DisableExplicitGC makes the JVM ignore it",
                    "garbage_collect().")),
    HEAP_DUMP("heap_dump", new Arity(1, 1), Modules.NONE, STREAM, "heap_dump.md",
            high("a full GC, then the JVM stops and writes every live object to the file in one pause, as jcmd "
                    + "GC.heap_dump; pause and file grow with live data (measured on 2 cores: a 0.4 s pause and a "
                    + "394 MiB file with 318 MiB live); a cancelled call cannot stop the dump"),
            new Usage("\"/abs/path.hprof\"", "writes an hprof file of the live objects on the node's host, showing "
                    + "progress, then its size and time; the path must be absolute, new, end in .hprof, on a disk "
                    + "with room for the heap in use; cancelling stops the watching, not the JVM's dump",
                    "heap_dump(\"/tmp/orders.hprof\").")),
    JCMD("jcmd", new Arity(0, 2), Modules.NONE, ONE, "jcmd.md",
            medium("the command's own, as the JVM states it (jcmd() lists each): most read counters (Low), some walk "
                    + "threads, classes or the heap (Medium, High: GC.class_histogram pauses for a heap walk); the "
                    + "console asks before a High one; the reply is cut at 1 MiB of text"),
            new Usage("[Command[, \"Args\"]]", "runs one of the JVM's own diagnostic commands, as jcmd PID Command "
                    + "Args would, through diag's authenticated channel: VM.flags, VM.system_properties, VM.info, "
                    + "Thread.print, GC.class_histogram, Compiler.queue, ...; jcmd() lists them with their impact. "
                    + "Commands that write or read files on the node's host, load agents or change the JVM's lasting "
                    + "settings are refused, each with what to use instead",
                    "jcmd().   jcmd(\"VM.flags\").   jcmd(\"Thread.print\", \"-l\").")),
    LOGGER("logger", new Arity(0, 0), Modules.NONE, ONE, "logger.md",
            low("reads the logger tables of java.util.logging, and of logback and log4j2 where the app loaded them "
                    + "(found among the loaded classes); no pause; at most 500 rows"),
            new Usage("", "the loggers with a level of their own (java.util.logging, logback, log4j2), with the "
                    + "level each logs at, and which levels diag changed, from what", "logger().")),
    SET_LEVEL("logger_set_level", new Arity(2, 2), Modules.LOGGER, ONE, "logger.md",
            low("sets one logger's level in each logging framework that has it, as the app's own code would; "
                    + "log4j2 updates its loggers once; no pause. More logging costs the app what its log lines cost"),
            new Usage("Name, Level", "sets a logger's level (trace, debug, info, warn, error, off, or a "
                    + "java.util.logging name such as fine) and answers the level it had; the first level diag "
                    + "changed is kept, and logger:reset() or stop() puts it back",
                    "logger:set_level(\"com.example.orders\", debug).")),
    RESET("logger_reset", new Arity(0, 0), Modules.LOGGER, ONE, "logger.md",
            low("puts back the levels diag changed, as logger:set_level does; no pause"),
            new Usage("", "restores every level logger:set_level changed to what it was before, and lists them; "
                    + "stop() does the same", "logger:reset().")),
    JFR_START("jfr_start", new Arity(0, 1), Modules.JFR, ONE, "jfr.md",
            medium("starts the JVM's flight recorder with the JDK's own settings (default: designed to cost under 1% "
                    + "of the app's CPU, profile: about 2%, as the JDK states), recording to the JVM's repository on "
                    + "disk, at most 256 MiB kept; one recording of diag's at a time; the JVM keeps the recorder's "
                    + "two threads once started"),
            new Usage("[Settings]", "starts a flight recording on the node with the JDK's default (the default) or "
                    + "profile settings; jfr:dump(Path) writes what it holds so far to a file on the node's host, "
                    + "jfr:stop() ends it, and so does stop()", "jfr:start().   jfr:start(profile).")),
    JFR_DUMP("jfr_dump", new Arity(1, 1), Modules.JFR, STREAM, "jfr.md",
            low("copies the recording's chunks from the JVM's repository to the file (at most 256 MiB), showing "
                    + "progress; no pause; the recording goes on"),
            new Usage("\"/abs/path.jfr\"", "writes diag's flight recording so far to a file on the node's host, "
                    + "then its size; the path must be absolute, new, end in .jfr; read it with jfr summary or JDK "
                    + "Mission Control", "jfr:dump(\"/tmp/orders.jfr\").")),
    JFR_STOP("jfr_stop", new Arity(0, 0), Modules.JFR, ONE, "jfr.md",
            low("ends diag's recording and deletes its chunks from the JVM's repository; no pause"),
            new Usage("", "ends the flight recording jfr:start started, discarding what jfr:dump did not write; "
                    + "stop() does the same", "jfr:stop().")),
    PROC_COUNT("proc_count", new Arity(2, 2), Modules.RECON, ONE, "recon.md",
            low("reads every thread's CPU time or allocated bytes in one bulk call (no stacks, no pause), or every "
                    + "pool's queue size; then the top frames of the N winners only (one pause of N threads on JDK "
                    + "17, none on JDK 21+); about 2 ms at 10,000 threads"),
            new Usage("Attr, N", "the top N processes by Attr since each started: reductions (CPU time), memory "
                    + "(bytes allocated) or message_queue_len (the mailbox it drains); no stacks but the winners'",
                    "recon:proc_count(reductions, 10).   proc_count(memory, 5).")),
    PROC_WINDOW("proc_window", new Arity(3, 3), Modules.RECON, ONE, "recon.md",
            low("two readings of every thread's counters Ms apart, each a bulk call (no stacks, no pause), and the "
                    + "top frames of the N winners; holds one of the agent's two call threads for the window, at "
                    + "most 60 s"),
            new Usage("Attr, N, Ms", "the top N processes by how much Attr grew during the next Ms milliseconds (1 to "
                    + "60000), with the rate per second: who burns CPU, allocates or piles up work now",
                    "recon:proc_window(reductions, 10, 1000)."),
            new Window(2, 60_000)),
    TOP("top", new Arity(0, 1), Modules.NONE, LIVE, "top.md",
            medium("once a second for as long as it runs: every thread's CPU counter in one bulk call (no stacks), "
                    + "every pool's queue size, and the top frames of the 10 busiest threads (one pause of 10 threads "
                    + "on JDK 17, none on JDK 21+); holds one of the agent's two call threads until stopped"),
            new Usage("[Samples]", "a live view, as top and observer_cli: heap with its last minute, process count, "
                    + "the busiest processes of the last second and the largest mailboxes, redrawn every second until "
                    + "a key is pressed; in scripts one line a second, top(Samples) stops", "top().   top(10).")),
    TRACE("trace", new Arity(2, 4), Modules.NONE, STREAM, "trace.md",
            high("rewrites the traced methods' classes: one retransformation to hook them and one to restore their "
                    + "bytes (about a millisecond each for a few classes); each call within the limit renders its "
                    + "arguments and result on the app's thread (a few microseconds, no app code run); beyond the "
                    + "limit a call costs a counter check (bench/trace); holds one of the agent's two call threads "
                    + "while it runs, so one trace at a time per node"),
            new Usage("Class, Method, Limit[, Options] | {Class, Method, Arity}, Limit[, Options]", "shows calls of "
                    + "a method live, as recon_trace:calls: time, pid, thread, arguments, then the return value or "
                    + "exception and the duration; Limit is required: a count N or a rate {N, Ms}; Method may be '*'; "
                    + "a method of an interface or abstract class traces its implementations, loaded now or later; "
                    + "Options: [{time, Seconds}] (default 60, at most 900), [{stack, Depth}] the caller's frames, "
                    + "[{arg, I, Value}] only calls whose I-th argument shows as Value; Ctrl-C or the limit or the time "
                    + "ends it and restores the class's bytes exactly",
                    "trace(com.example.Pricing, quote, 10).   trace({com.example.Pricing, quote, 2}, {5, 1000})."),
            Window.whole(15 * 60_000)), // silent while no call comes, for as long as its time limit
    TRACE_STATUS("trace_status", new Arity(0, 0), Modules.TRACE, ONE, "trace.md",
            low("reads the running trace's counters; nothing else"),
            new Usage("", "trace:status() lists the traces running on the node: who started them, what they trace, "
                    + "their limit and the calls shown and dropped so far", "trace:status().")),
    TRACE_STOP("trace_stop", new Arity(0, 0), Modules.TRACE, ONE, "trace.md",
            low("ends the running traces, each restoring its classes' bytes in one retransformation"),
            new Usage("", "trace:stop() ends every trace on the node, whoever started it, and lists what it ended",
                    "trace:stop().")),
    PROFILE("profile", new Arity(2, 2), Modules.NONE, STREAM, "profile.md",
            high("loads async-profiler's native library into the node on first use (it stays loaded: a JVM cannot "
                    + "unload it), then samples every thread for Seconds: cpu every 10 ms of CPU time, alloc every "
                    + "512 KiB allocated, lock every contended wait over 10 us, wall every 50 ms per thread; no pause; "
                    + "holds one of the agent's two call threads for the window, at most 300 s, one profile at a "
                    + "time"),
            new Usage("Event, Seconds", "samples the node with async-profiler for Seconds (1 to 300): Event is "
                    + ProfileEvent.atoms() + "; shows progress, then the top frames and the heaviest stacks, and "
                    + "writes a flame graph (one self-contained HTML file) on the shell's host, its path printed "
                    + "(diag --out FILE.html chooses it)", "profile(cpu, 30).   profile(alloc, 10)."),
            new Window(1, 300_000, 1000)),
    LOAD_FILE("load_file", new Arity(1, 1), Modules.CODE, ONE, "code.md",
            Costs.LOAD,
            new Usage(Costs.CLASSES, "redefines a loaded class from its class file as the node's class path has it "
                    + "now (the file changed on disk); a list loads in one step; the whole set is checked first "
                    + "(code:check_upgrade) and loads all or nothing; the running version is kept for code:rollback",
                    "code:load_file(com.example.Pricing).   code:load_file([com.example.A, com.example.B]).")),
    L("l", new Arity(1, 1), Modules.C_ONLY, ONE, "code.md",
            Costs.LOAD,
            new Usage(Costs.CLASSES, "code:load_file(Class), as Erlang's c:l(Module)", "l(com.example.Pricing).")),
    LOAD_BINARY("load_binary", new Arity(1, 1), Modules.CODE, ONE, "code.md",
            high("changes the node's code: checks the set, then one pause to keep the running versions and one to "
                    + "redefine (about a millisecond each for a few classes); compiled code that depended on the "
                    + "classes is thrown away and compiled again"),
            new Usage("Files", "loads new class files in one step, checked first, all or nothing; the shell sends "
                    + "them: diag load --node NODE Foo.class Bar.class (or a directory or jar of class files)",
                    "diag load --node orders build/classes/com/example/Pricing.class")),
    CHECK_UPGRADE("check_upgrade", new Arity(1, 1), Modules.CODE, ONE, "code.md",
            low("copies the JVM's class list, reads the class files and, by reflection, the members of the loaded "
                    + "classes they use; no pause, nothing changes"),
            new Usage(Costs.CLASSES, "the check alone, changing nothing: schema changes the JVM cannot redefine "
                    + "(fields, methods, hierarchy, modifiers) and every method, field and class the new code uses "
                    + "that neither the set nor the node has, per class in plain words; diag load --check checks "
                    + "class files", "code:check_upgrade([com.example.A, com.example.B]).")),
    ROLLBACK("rollback", new Arity(1, 1), Modules.CODE, ONE, "code.md",
            high("changes the node's code back: checks the set, then one redefinition pause (about a millisecond for "
                    + "a few classes)"),
            new Usage(Costs.CLASSES, "restores the version a class ran before diag last redefined it (up to 4 kept "
                    + "per class); checked like a load", "code:rollback(com.example.Pricing).")),
    CHECK_PROCESS_CODE("check_process_code", new Arity(1, 1), Modules.ERLANG_CODE, ONE, "code.md",
            medium("every thread's whole stack in one pause, without locks: 84 ms at 10,000 threads on JDK 17 "
                    + "(asking thread by thread: 4.7 s); grows with threads and stack depth"),
            new Usage(Costs.CLASSES, "which threads have frames of the class on their stacks now, with those frames: "
                    + "they finish the old version of those methods; all stacks in one pause",
                    "check_process_code(com.example.Pricing).")),
    WHICH("which", new Arity(1, 1), Modules.CODE, ONE, "code.md",
            low("copies the JVM's class list (a few ms at 20,000 classes) and asks the class's loader for its class "
                    + "file; no pause"),
            new Usage("Class", "where a class comes from: its loader, origin, the class file l(Class) would read, "
                    + "versions kept; for a class not loaded, where the class path would find it",
                    "code:which(com.example.Pricing).")),
    IS_LOADED("is_loaded", new Arity(1, 1), Modules.CODE, ONE, "code.md",
            low("copies the JVM's class list (a few ms at 20,000 classes); no pause"),
            new Usage("Class", "whether a class is loaded, and by which loaders", "code:is_loaded(com.example.Pricing).")),
    ALL_LOADED("all_loaded", new Arity(0, 1), Modules.CODE, STREAM, "code.md",
            low("copies the JVM's class list (a few ms at 20,000 classes) and sorts it; no pause; streamed 500 rows "
                    + "at a time"),
            new Usage("[Prefix]", "every loaded class with its loader and origin, or those whose names start with "
                    + "Prefix; streamed and paged", "code:all_loaded('com.example').")),
    GET_CMD("get_cmd", new Arity(0, 0), Modules.HEART, ONE, "heart.md",
            low("reads the command the agent holds for heart; nothing else"),
            new Usage("", "heart:get_cmd() prints the command heart runs to restart this node, exactly as set",
                    "heart:get_cmd().")),
    SET_CMD("set_cmd", new Arity(1, 1), Modules.HEART, ONE, "heart.md",
            low("writes the command to heart's pipe; nothing else"),
            new Usage("\"Command\"", "heart:set_cmd(\"...\") sets the restart command from now on: run by sh after "
                    + "heart kills a hung node or finds it dead; any length up to 1 MiB; \"\" for none",
                    "heart:set_cmd(\"exec java -jar /opt/orders/orders.jar\").")),
    CLEAR_CMD("clear_cmd", new Arity(0, 0), Modules.HEART, ONE, "heart.md",
            low("writes the configured command to heart's pipe; nothing else"),
            new Usage("", "heart:clear_cmd() goes back to the command the node started with (heart-command-file=, "
                    + "else HEART_COMMAND) and prints it", "heart:clear_cmd().")),
    STATUS("status", new Arity(0, 0), Modules.HEART, ONE, "heart.md",
            low("reads what the agent's beat thread last recorded; no check is run for it"),
            new Usage("", "heart:status(): the node's watchdog: heart's pid, timeout, last beat, health checks, "
                    + "restarts so far, where the restart command comes from", "heart:status().")),
    NODES("nodes", new Arity(0, 0), Modules.ERLANG_ONLY, ONE, "nodes.md",
            low("reads this host's node registry: one small file and one /proc read per node; no pause, nothing of "
                    + "the target's own"),
            new Usage("", "the diag nodes on this node's host, from its registry: name, pid, address, JVM, uptime; "
                    + "what --node name@host without a port looks up on the host's directory port", "nodes().")),
    FUNCTIONS("functions", new Arity(0, 0), Modules.ERLANG, ONE, "functions.md",
            low("lists the node's functions; reads nothing of the target"),
            new Usage("", "what the node answers and what each call costs it, as the node says", "functions().")),
    STOP("stop", new Arity(0, 1), Modules.NONE, ONE, "stop.md",
            high("unloads diag from the node: answers, then closes its sockets and sessions (calls in progress are "
                    + "cancelled), removes its registry entry and ends its threads within about a second; the app "
                    + "runs on; a later inject starts a fresh agent"),
            new Usage("[heart]", "takes diag out of the node; on a node heart watches stop() is refused, since heart "
                    + "cannot run without the agent: stop(heart) stops both, and the node runs on without a watchdog", "stop()."));

    private final String function;
    private final Arity arity;
    private final Set<String> modules;
    private final Answer answer;
    private final String page;
    private final Impact impact;
    private final Usage usage;
    private final Window window;

    Declaration(String function, Arity arity, Set<String> modules, Answer answer, String page, Impact impact,
            Usage usage) {
        this(function, arity, modules, answer, page, impact, usage, null);
    }

    Declaration(String function, Arity arity, Set<String> modules, Answer answer, String page, Impact impact,
            Usage usage, Window window) {
        this.function = function;
        this.arity = arity;
        this.modules = modules;
        this.answer = answer;
        this.page = page;
        this.impact = impact;
        this.usage = usage;
        this.window = window;
    }

    /** The declaration of the function called {@code name} on the wire, e.g. "memory". */
    public static Optional<Declaration> find(String name) {
        return Optional.ofNullable(ByName.TABLE.get(name));
    }

    /** The name called on the wire and typed in the shell, e.g. "memory" (not the constant's name, MEMORY). */
    public String function() {
        return function;
    }

    /**
     * How it is typed: a module's own function named module_name on the wire, whose bare name
     * another function has, is written module:name ({@code trace_stop} is {@code trace:stop});
     * any other function is typed by its name.
     */
    public String typed() {
        for (String module : modules) {
            if (function.startsWith(module + "_")) {
                return module + ":" + function.substring(module.length() + 1);
            }
        }
        return function;
    }

    public Arity arity() {
        return arity;
    }

    /** The Erlang modules it may be written with: {@code erlang:memory()}; empty for none. */
    public Set<String> modules() {
        return modules;
    }

    public Answer answer() {
        return answer;
    }

    /** Its page under docs/functions/, e.g. "memory.md"; several functions may share one. */
    public String page() {
        return page;
    }

    public Impact impact() {
        return impact;
    }

    public Usage usage() {
        return usage;
    }

    /** The window a call waits out before answering (proc_window's Ms); null for most functions. */
    public Window window() {
        return window;
    }

    /** E.g. {@code memory/0,1}. */
    public String signature() {
        return typed() + "/" + arity.text();
    }

    /** The table by name, built on first use: a name declared twice fails every lookup, in any test. */
    private static final class ByName {
        static final Map<String, Declaration> TABLE = UniqueNames.index(List.of(values()), Declaration::function,
                "the function table");
    }

    /** The ways a function may be written besides its bare name, as Erlang's modules group them. */
    private static final class Modules {
        static final Set<String> NONE = Set.of();
        static final Set<String> ERLANG = Set.of("erlang", "c", "recon");
        static final Set<String> ERLANG_ONLY = Set.of("erlang");
        static final Set<String> ERLANG_CODE = Set.of("erlang", "code");
        static final Set<String> C = Set.of("c", "erlang");
        static final Set<String> C_ONLY = Set.of("c");
        static final Set<String> RECON = Set.of("recon");
        static final Set<String> CODE = Set.of("code");
        static final Set<String> HEART = Set.of("heart");
        static final Set<String> TRACE = Set.of("trace");
        static final Set<String> LOGGER = Set.of("logger");
        static final Set<String> JFR = Set.of("jfr");
    }

    /** What code:load_file and its shorthand l share. */
    private static final class Costs {
        static final String CLASSES = "Class | [Class, ...]";
        static final Impact LOAD = high("changes the node's code: reads the class files, checks the set, then one "
                + "pause to keep the running versions and one to redefine (about a millisecond each for a few "
                + "classes); compiled code that depended on the classes is thrown away and compiled again");
    }
}
