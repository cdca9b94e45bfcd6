package dev.diag.agent.server;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;

/**
 * Where the agent's bytes live: unpooled heap buffers, for its channels and for Netty's own
 * default alike. A diagnostics port moves kilobytes a few times a minute; a pool would keep
 * what a busy minute took for the rest of the target's life.
 *
 * <p>Netty's default ({@code ByteBufAllocator.DEFAULT}, used where no channel's allocator is at
 * hand, e.g. by its encoders' helpers) is otherwise pooled: arenas for heap and direct memory per
 * core, a cache on each of our threads, 4 MiB chunks reserved on first use. Our relocated Netty
 * reads the relocated property name (this class's package tells which), so the target's own
 * Netty, if any, keeps its own choice. Where the agent runs unshaded (the thin artifact embedded
 * as it is) that name is the target's own, and is left alone (see {@link NettyProperties}).
 *
 * <pre>
 * ByteBufAllocator allocator = AgentBuffers.choose(properties);   // before Netty's first buffer
 * </pre>
 */
final class AgentBuffers {
    private AgentBuffers() {
    }

    /**
     * The allocator for our channels; first makes Netty's default unpooled too, and turns its leak
     * detection and its object recycler off (each read once, when Netty first needs it: before its
     * first buffer).
     */
    static ByteBufAllocator choose(NettyProperties properties) {
        properties.setIfFree(allocatorTypeProperty(), "unpooled");
        properties.setIfFree(leakDetectionProperty(), "disabled");
        properties.setIfFree(recyclerCapacityProperty(), "0");
        return new UnpooledByteBufAllocator(false);
    }

    /** "io.netty.allocator.type" as our copy of Netty spells it ("dev.diag.agent.shaded.io.netty..." in the jar). */
    static String allocatorTypeProperty() {
        return nettyProperty("allocator.type");
    }

    /**
     * "io.netty.leakDetection.level" as our copy of Netty spells it. Leak detection samples one
     * buffer in 128 and tracks it with a weak reference to report, through Netty's logger, a buffer
     * collected unreleased. Here that report has nowhere to go (NettyLogging drops it) and nothing
     * to warn of: an unpooled heap buffer left unreleased is garbage like any other array.
     */
    static String leakDetectionProperty() {
        return nettyProperty("leakDetection.level");
    }

    /**
     * "io.netty.recycler.maxCapacityPerThread" as our copy of Netty spells it. Netty's Recycler
     * keeps up to 4,096 spent objects of each kind (a write's outbound entry, ...) on every thread
     * that made them, in a JCTools MPSC queue whose 24 classes the first write would load: a pool
     * again, for a port that writes a few frames a minute. At 0 every get() is a plain new.
     */
    static String recyclerCapacityProperty() {
        return nettyProperty("recycler.maxCapacityPerThread");
    }

    private static String nettyProperty(String name) {
        String buffer = ByteBufAllocator.class.getPackageName(); // a class literal: loads, does not initialise
        return buffer.substring(0, buffer.length() - ".buffer".length()) + "." + name;
    }
}
