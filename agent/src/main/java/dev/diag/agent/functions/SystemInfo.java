package dev.diag.agent.functions;

import dev.diag.agent.probe.HostLimits;
import dev.diag.agent.probe.JdkInternals;
import dev.diag.agent.probe.ShutdownWatch;
import dev.diag.agent.probe.TextFiles;
import dev.diag.agent.probe.VirtualThreads;
import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.result.Schedulers;
import dev.diag.protocol.result.SystemInfoItem;
import dev.diag.protocol.result.ThreadCount;
import dev.diag.protocol.result.ThreadLimits;
import dev.diag.protocol.result.Uptime;
import dev.diag.protocol.result.VersionInfo;
import dev.diag.protocol.result.VirtualProcessCount;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.ForkJoinPool;

/**
 * {@code system_info(Item)}, as Erlang's {@code erlang:system_info/1}: one fact about the node per
 * call, e.g. {@code system_info(process_count)}. There is no {@code system_info()}: Erlang has
 * none either. Low impact: counters from the platform MXBeans and system properties, and for
 * process_limit a handful of small /proc and /sys files; nothing walks the threads or stops them,
 * but shutdown in a JVM shutting down, which takes every thread's stack once to find the hooks.
 */
final class SystemInfo extends FunctionBase {
    private final VirtualThreads virtualThreads;
    private final ShutdownWatch shutdown;

    SystemInfo(JdkInternals internals) {
        this(internals, ShutdownWatch.open());
    }

    SystemInfo(JdkInternals internals, ShutdownWatch shutdown) {
        super(Declaration.SYSTEM_INFO);
        this.virtualThreads = internals.virtualThreads();
        this.shutdown = shutdown;
    }

    @Override
    public Object call(Args args, CallContext context) throws FunctionException {
        SystemInfoItem item = args.oneOf(0, SystemInfoItem.class, "item");
        return switch (item) {
            case PROCESS_COUNT -> processCount();
            case VIRTUAL_PROCESS_COUNT -> virtualProcessCount();
            case PROCESS_LIMIT -> processLimit();
            case SCHEDULERS -> schedulers();
            case VERSION -> version();
            case UPTIME -> uptime("uptime");
            case SHUTDOWN -> shutdown.state();
        };
    }

    private ThreadCount processCount() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        VirtualThreads.Census census = virtualThreads.census();
        boolean counted = virtualThreads.available();
        return new ThreadCount(census.platform(), threads.getDaemonThreadCount(), threads.getPeakThreadCount(),
                threads.getTotalStartedThreadCount(), counted ? census.virtual() : null,
                Runtime.version().feature() < 21 ? null : census.note());
    }

    private VirtualProcessCount virtualProcessCount() {
        VirtualThreads.Census census = virtualThreads.census();
        return new VirtualProcessCount(census.virtual() < 0 ? null : census.virtual(), census.platform(),
                census.listable(), census.note());
    }

    static ThreadLimits processLimit() {
        return HostLimits.read(TextFiles.system(), ManagementFactory.getThreadMXBean().getThreadCount());
    }

    static Schedulers schedulers() {
        return new Schedulers(Runtime.getRuntime().availableProcessors(), ForkJoinPool.getCommonPoolParallelism(),
                ForkJoinPool.commonPool().getPoolSize());
    }

    static VersionInfo version() {
        String agent = SystemInfo.class.getPackage().getImplementationVersion();
        return new VersionInfo(System.getProperty("java.version"), System.getProperty("java.vendor"),
                Runtime.version().feature(), System.getProperty("java.vm.name"), System.getProperty("java.vm.vendor"),
                System.getProperty("java.vm.version"), agent == null ? "development" : agent);
    }

    /** Shared with statistics(wall_clock), which answers the same figures under its own item. */
    static Uptime uptime(String item) {
        RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
        return new Uptime(item, runtime.getUptime(), runtime.getStartTime());
    }
}
