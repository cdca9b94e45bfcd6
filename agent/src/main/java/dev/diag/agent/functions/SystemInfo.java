package dev.diag.agent.functions;

import dev.diag.agent.probe.HostLimits;
import dev.diag.agent.probe.TextFiles;
import dev.diag.protocol.result.Schedulers;
import dev.diag.protocol.result.SystemInfoItem;
import dev.diag.protocol.result.ThreadCount;
import dev.diag.protocol.result.ThreadLimits;
import dev.diag.protocol.result.Uptime;
import dev.diag.protocol.result.VersionInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.ForkJoinPool;

/**
 * {@code system_info(Item)}, as Erlang's {@code erlang:system_info/1}: one fact about the node per
 * call, e.g. {@code system_info(process_count)}. There is no {@code system_info()}: Erlang has
 * none either. Low impact: counters from the platform MXBeans and system properties, and for
 * process_limit a handful of small /proc and /sys files; nothing walks the threads or stops them.
 */
final class SystemInfo extends FunctionBase {

    SystemInfo() {
        super("system_info", 1, 1,
                Impact.low("reads thread counters and runtime properties from the platform MXBeans, and for "
                        + "process_limit a few /proc and cgroup files; no pause"));
    }
    static final String VIRTUAL_NOT_COUNTED = "virtual threads are not counted yet";

    @Override
    public Object call(Args args, CallContext context) throws FunctionException {
        SystemInfoItem item = args.oneOf(0, SystemInfoItem.class, "item");
        return switch (item) {
            case PROCESS_COUNT -> processCount();
            case PROCESS_LIMIT -> processLimit();
            case SCHEDULERS -> schedulers();
            case VERSION -> version();
            case UPTIME -> uptime("uptime");
        };
    }

    static ThreadCount processCount() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return new ThreadCount(threads.getThreadCount(), threads.getDaemonThreadCount(), threads.getPeakThreadCount(),
                threads.getTotalStartedThreadCount(), null, virtualThreadsNote());
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

    /** Said wherever a count leaves virtual threads out, on a JVM that can have them (21+). */
    static String virtualThreadsNote() {
        return Runtime.version().feature() >= 21 ? VIRTUAL_NOT_COUNTED : null;
    }
}
