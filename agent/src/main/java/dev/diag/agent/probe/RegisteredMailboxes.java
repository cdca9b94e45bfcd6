package dev.diag.agent.probe;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Mailboxes the app registered: MBeans named {@code dev.diag:type=Mailbox,name=...} in the
 * platform MBeanServer, read by attribute name so the app needs no class of diag's.
 *
 * <pre>
 * Size            int or long   required: messages waiting now
 * Capacity        int or long   optional: the bound; negative or absent means unbounded or unknown
 * OwnerThreadId   long          optional: the thread that drains it
 * OwnerThreadIds  long[]        optional: several threads that drain it
 * OwnerThreadName String        optional: the same, by thread name (every live thread of that name)
 * </pre>
 *
 * A bean that throws or has no Size is left out with a note, never a failure. Cost: one
 * getAttribute per attribute per bean, each a call into the app's getter on the caller's
 * thread. Where no MBeanServer exists yet, none is created: the app cannot have registered one.
 */
final class RegisteredMailboxes {
    static final String PATTERN = "dev.diag:type=Mailbox,*";

    private RegisteredMailboxes() {
    }

    static List<MailboxCandidate> read(Collection<Thread> threads, List<String> notes) {
        MBeanServer server = AppBeans.serverIfStarted();
        if (server == null) {
            return List.of();
        }
        Set<ObjectName> names;
        try {
            names = server.queryNames(new ObjectName(PATTERN), null);
        } catch (JMException | RuntimeException e) {
            notes.add("registered mailboxes could not be listed (" + e.getClass().getSimpleName() + ")");
            return List.of();
        }
        ThreadsByName idsByName = new ThreadsByName(threads);
        List<MailboxCandidate> found = new ArrayList<>(names.size());
        for (ObjectName name : names) {
            try {
                MailboxCandidate candidate = one(server, name, idsByName, notes);
                if (candidate != null) {
                    found.add(candidate);
                }
            } catch (InstanceNotFoundException e) {
                // unregistered since the query: it is gone, nothing to say
            } catch (JMException | RuntimeException e) {
                notes.add("the mailbox bean " + name + " was skipped (reading it threw "
                        + AppBeans.rootCause(e).getClass().getSimpleName() + ")");
            }
        }
        return found;
    }

    private static MailboxCandidate one(MBeanServer server, ObjectName name, ThreadsByName idsByName,
            List<String> notes) throws JMException {
        Set<String> attributes = new java.util.HashSet<>();
        for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
            attributes.add(attribute.getName());
        }
        Object size;
        try {
            size = attributes.contains("Size") ? server.getAttribute(name, "Size") : null;
        } catch (JMException | RuntimeException e) {
            notes.add("the mailbox bean " + name + " was skipped (its Size threw "
                    + AppBeans.rootCause(e).getClass().getSimpleName() + ")");
            return null;
        }
        if (!(size instanceof Number)) {
            notes.add("the mailbox bean " + name + " was skipped (it has no numeric Size attribute)");
            return null;
        }
        Integer capacity = null;
        if (optional(server, name, attributes, "Capacity") instanceof Number n && n.longValue() >= 0) {
            capacity = MailboxCandidate.saturated(n.longValue());
        }
        Set<Long> owners = new TreeSet<>();
        if (optional(server, name, attributes, "OwnerThreadId") instanceof Number id && id.longValue() > 0) {
            owners.add(id.longValue());
        }
        if (optional(server, name, attributes, "OwnerThreadIds") instanceof long[] ids) {
            for (long id : ids) {
                owners.add(id);
            }
        }
        if (optional(server, name, attributes, "OwnerThreadName") instanceof String thread) {
            owners.addAll(idsByName.ids(thread));
        }
        return new MailboxCandidate(AppBeans.displayName(name), Mailbox.REGISTERED,
                MailboxCandidate.saturated(((Number) size).longValue()), capacity, List.copyOf(owners), null, List.of());
    }

    /** An optional attribute's value, or null when absent or when its getter throws. */
    private static Object optional(MBeanServer server, ObjectName name, Set<String> attributes, String attribute) {
        if (!attributes.contains(attribute)) {
            return null;
        }
        try {
            return server.getAttribute(name, attribute);
        } catch (JMException | RuntimeException e) {
            return null;
        }
    }

    /** Thread ids by thread name, indexed only if some bean names its owner that way. */
    private static final class ThreadsByName {
        private final Collection<Thread> threads;
        private Map<String, List<Long>> index;

        ThreadsByName(Collection<Thread> threads) {
            this.threads = threads;
        }

        List<Long> ids(String name) {
            if (index == null) {
                index = new HashMap<>();
                for (Thread thread : threads) {
                    if (thread == null) {
                        continue;
                    }
                    List<Long> ids = index.get(thread.getName());
                    if (ids == null) {
                        ids = new ArrayList<>(1);
                        index.put(thread.getName(), ids);
                    }
                    ids.add(thread.getId());
                }
            }
            return index.getOrDefault(name, List.of());
        }
    }
}
