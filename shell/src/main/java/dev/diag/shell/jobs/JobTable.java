package dev.diag.shell.jobs;

import dev.diag.shell.cli.DiagException;
import dev.diag.shell.client.Connector;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The console's jobs, numbered from 1 as Erlang numbers them, and which one is current. A new
 * job becomes the current one; killing the current one makes the newest remaining current.
 */
public final class JobTable implements AutoCloseable {
    private final TreeMap<Integer, Job> jobs = new TreeMap<>();
    private final Connector connector;
    private final OutputStream terminal;
    private Job current;
    private int nextId = 1;

    public JobTable(Connector connector, OutputStream terminal) {
        this.connector = connector;
        this.terminal = terminal;
    }

    /** Connects a new job to {@code node} (null: the only local node) and makes it current. */
    public Job start(String node) throws DiagException {
        Job job = new Job(nextId, node, connector, new JobOutput(terminal));
        jobs.put(nextId++, job);
        current = job;
        return job;
    }

    public Optional<Job> current() {
        return Optional.ofNullable(current);
    }

    /** Job {@code id}, or the current one when {@code id} is null. */
    public Optional<Job> find(Integer id) {
        return id == null ? current() : Optional.ofNullable(jobs.get(id));
    }

    public void makeCurrent(Job job) {
        current = job;
    }

    public void kill(Job job) {
        jobs.remove(job.id());
        job.close();
        if (current == job) {
            current = jobs.isEmpty() ? null : jobs.lastEntry().getValue();
        }
    }

    /** Erlang's {@code j}: each job's number, {@code *} on the current one, and its node. */
    public List<String> listing() {
        List<String> lines = new ArrayList<>();
        for (Job job : jobs.values()) {
            lines.add(String.format("%4d%s %s%s", job.id(), job == current ? "*" : " ", job.node(),
                    job.gone() ? " (node gone)" : job.busy() ? " (running)" : ""));
        }
        return lines;
    }

    @Override
    public void close() {
        jobs.values().forEach(Job::close);
        jobs.clear();
        current = null;
    }
}
