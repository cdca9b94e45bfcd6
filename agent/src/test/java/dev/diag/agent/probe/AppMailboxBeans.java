package dev.diag.agent.probe;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Mailbox MXBeans as an app would write them, with no class of diag's: an interface named
 * ...MXBean with getters, registered under dev.diag:type=Mailbox,name=... Public, as JMX requires.
 */
public final class AppMailboxBeans implements AutoCloseable {
    private final List<ObjectName> registered = new ArrayList<>();

    /** The contract's attributes, all of them. */
    public interface QueueMailboxMXBean {
        int getSize();

        long getCapacity();

        long getOwnerThreadId();
    }

    /** Owner by name, size as a long. */
    public interface NamedOwnerMailboxMXBean {
        long getSize();

        String getOwnerThreadName();
    }

    /** No Size: not a mailbox. */
    public interface SizelessMailboxMXBean {
        String getOwnerThreadName();
    }

    public record Queue(int size, long capacity, long ownerThreadId) implements QueueMailboxMXBean {
        @Override
        public int getSize() {
            return size;
        }

        @Override
        public long getCapacity() {
            return capacity;
        }

        @Override
        public long getOwnerThreadId() {
            return ownerThreadId;
        }
    }

    public record NamedOwner(long size, String ownerThreadName) implements NamedOwnerMailboxMXBean {
        @Override
        public long getSize() {
            return size;
        }

        @Override
        public String getOwnerThreadName() {
            return ownerThreadName;
        }
    }

    /** A Size getter that throws, as a bean whose queue is gone might. */
    public static final class Broken implements NamedOwnerMailboxMXBean {
        @Override
        public long getSize() {
            throw new IllegalStateException("queue closed");
        }

        @Override
        public String getOwnerThreadName() {
            return "nobody";
        }
    }

    public static final class Sizeless implements SizelessMailboxMXBean {
        @Override
        public String getOwnerThreadName() {
            return "nobody";
        }
    }

    /** Registers {@code bean} as dev.diag:type=Mailbox,name={@code name} in the platform MBeanServer. */
    public void register(String name, Object bean) throws JMException {
        ObjectName objectName = new ObjectName("dev.diag:type=Mailbox,name=" + name);
        ManagementFactory.getPlatformMBeanServer().registerMBean(bean, objectName);
        registered.add(objectName);
    }

    @Override
    public void close() throws JMException {
        for (ObjectName name : registered) {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
        }
        registered.clear();
    }
}
