package dev.diag.agent.heart;

import dev.diag.agent.probe.AppBeans;
import dev.diag.protocol.result.HealthCheckState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The app's own say in whether the node is alive: MBeans registered in the platform MBeanServer
 * as {@code dev.diag:type=HealthCheck,name=...}, read by attribute name, so the app needs no
 * class of diag's (as with mailboxes).
 *
 * <pre>
 * Healthy   boolean   required: false withholds the beat
 * Reason    String    optional: why, for heart's log line and heart:status()
 * </pre>
 *
 * A getter that throws counts as failing (the check itself broke); a bean without a boolean
 * Healthy is ignored and shown so in heart:status(), since a typo must not restart the node.
 * A getter that blocks blocks the beat: after the timeout heart restarts the node, which is
 * what a check that takes a deadlocked lock should lead to. Read once a second on the beat
 * thread: one query and one or two getter calls per bean. Where no MBeanServer exists, none is
 * created (the app cannot have registered a check).
 */
final class HealthChecks {
    static final String PATTERN = "dev.diag:type=HealthCheck,*";

    /** One reading: every check's state, and the failing ones in a sentence (null when none fail). */
    record Reading(List<HealthCheckState> checks, String failing) {
        static final Reading NONE = new Reading(List.of(), null);
    }

    private HealthChecks() {
    }

    static Reading read() {
        MBeanServer server = AppBeans.serverIfStarted();
        if (server == null) {
            return Reading.NONE;
        }
        Set<ObjectName> names;
        try {
            names = server.queryNames(new ObjectName(PATTERN), null);
        } catch (JMException | RuntimeException e) {
            return Reading.NONE;
        }
        if (names.isEmpty()) {
            return Reading.NONE;
        }
        List<HealthCheckState> checks = new ArrayList<>(names.size());
        for (ObjectName name : names) {
            HealthCheckState check = one(server, name);
            if (check != null) {
                checks.add(check);
            }
        }
        checks.sort(Comparator.comparing(HealthCheckState::name));
        List<String> failing = new ArrayList<>();
        for (HealthCheckState check : checks) {
            if (check.state().equals(HealthCheckState.FAILING)) {
                failing.add("'" + check.name() + "'" + (check.detail() == null ? "" : " (" + check.detail() + ")"));
            }
        }
        return new Reading(List.copyOf(checks), failing.isEmpty() ? null
                : "health check" + (failing.size() == 1 ? " " : "s ") + String.join(", ", failing) + " failing");
    }

    private static HealthCheckState one(MBeanServer server, ObjectName name) {
        String display = AppBeans.displayName(name);
        Object healthy;
        try {
            healthy = server.getAttribute(name, "Healthy");
        } catch (InstanceNotFoundException e) {
            return null; // unregistered since the query
        } catch (javax.management.AttributeNotFoundException e) {
            return new HealthCheckState(display, HealthCheckState.IGNORED, "it has no Healthy attribute");
        } catch (JMException | RuntimeException e) {
            return new HealthCheckState(display, HealthCheckState.FAILING,
                    "Healthy threw " + describe(AppBeans.rootCause(e)));
        }
        if (!(healthy instanceof Boolean ok)) {
            return new HealthCheckState(display, HealthCheckState.IGNORED, "its Healthy attribute is not a boolean");
        }
        return ok ? new HealthCheckState(display, HealthCheckState.HEALTHY, null)
                : new HealthCheckState(display, HealthCheckState.FAILING, reason(server, name));
    }

    /** The optional Reason, or null when absent, empty or throwing: the failure stands without it. */
    private static String reason(MBeanServer server, ObjectName name) {
        try {
            Object reason = server.getAttribute(name, "Reason");
            return reason instanceof String text && !text.isBlank() ? text.strip() : null;
        } catch (JMException | RuntimeException e) {
            return null;
        }
    }

    private static String describe(Throwable cause) {
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
