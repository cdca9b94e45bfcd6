package dev.diag.shell.repl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.result.Atoms;
import dev.diag.protocol.result.MemoryKind;
import dev.diag.protocol.result.ProcessItem;
import dev.diag.protocol.result.StatisticsItem;
import dev.diag.protocol.result.SystemInfoItem;
import dev.diag.shell.client.CallOutcome;
import dev.diag.shell.functions.FunctionSpec;
import dev.diag.shell.functions.FunctionTable;
import dev.diag.shell.jobs.ConsoleWord;
import dev.diag.shell.jobs.Job;
import dev.diag.shell.jobs.JobTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: function names (and their module spellings), the atoms functions take
 * (memory kinds, system_info, statistics and process_info items), the console's own words
 * ({@link ConsoleWord}: help, attach, q), and the pids of the current job's node, asked of the
 * node when a word starts with {@code <} and kept for a few seconds.
 */
final class ConsoleCompleter implements Completer {
    private static final long PID_CACHE_NANOS = 3_000_000_000L;

    private final FunctionTable table;
    private final JobTable jobs;
    private final List<String> atoms = new ArrayList<>();
    private List<String> pids = List.of();
    private long pidsAt;
    private Job pidsOf;

    ConsoleCompleter(FunctionTable table, JobTable jobs) {
        this.table = table;
        this.jobs = jobs;
        for (Class<? extends Enum<?>> type : List.of(MemoryKind.class, SystemInfoItem.class, StatisticsItem.class,
                ProcessItem.class)) {
            for (String atom : Atoms.list(type).split(", ")) {
                if (!atoms.contains(atom)) {
                    atoms.add(atom);
                }
            }
        }
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String word = line.word();
        if (word.startsWith("<")) {
            pids().forEach(pid -> candidates.add(new Candidate(pid, pid, "pids", null, null, null, false)));
            return;
        }
        for (FunctionSpec spec : table.all()) {
            String typed = spec.declaration().typed();
            if (!typed.equals(spec.name())) { // trace_stop is offered as it is typed, trace:stop
                candidates.add(new Candidate(typed, typed, "functions", null, null, null, false));
                continue;
            }
            candidates.add(new Candidate(spec.name(), spec.name(), "functions", null, null, null, false));
            for (String module : spec.modules()) {
                candidates.add(new Candidate(module + ":" + spec.name(), module + ":" + spec.name(), "functions", null,
                        null, null, false));
            }
        }
        for (String atom : atoms) {
            candidates.add(new Candidate(atom, atom, "atoms", null, null, null, false));
        }
        for (ConsoleWord console : ConsoleWord.values()) {
            console.spellings().forEach(w -> candidates.add(new Candidate(w, w, "console", null, null, null, false)));
        }
    }

    /** The current node's pids as {@code <N>}; a failed or busy node offers none rather than wait. */
    private synchronized List<String> pids() {
        Optional<Job> job = jobs.current();
        if (job.isEmpty() || job.get().busy() || job.get().gone()) {
            return List.of();
        }
        if (job.get() == pidsOf && System.nanoTime() - pidsAt < PID_CACHE_NANOS) {
            return pids;
        }
        try {
            CallOutcome outcome = job.get().evaluator().client().call("processes", List.of(), 2_000);
            List<String> fresh = new ArrayList<>();
            if (outcome.ok()) {
                for (JsonNode pid : outcome.result().path("pids")) {
                    fresh.add("<" + pid.asLong() + ">");
                }
            }
            pids = fresh;
            pidsAt = System.nanoTime();
            pidsOf = job.get();
        } catch (IOException e) {
            pids = List.of();
        }
        return pids;
    }
}
