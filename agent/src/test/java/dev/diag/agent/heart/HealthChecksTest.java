package dev.diag.agent.heart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.diag.protocol.result.HealthCheckState;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthChecksTest {
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final List<ObjectName> registered = new ArrayList<>();

    /** What an app declares: its own interface, no class of diag's. */
    public interface CheckMXBean {
        boolean isHealthy();

        String getReason();
    }

    public interface NotACheckMXBean {
        int getSize();
    }

    record Check(boolean healthy, String reason) implements CheckMXBean {
        public boolean isHealthy() {
            return healthy;
        }

        public String getReason() {
            return reason;
        }
    }

    private void register(String name, Object bean) throws Exception {
        ObjectName objectName = new ObjectName("dev.diag:type=HealthCheck,name=" + name);
        server.registerMBean(bean, objectName);
        registered.add(objectName);
    }

    @AfterEach
    void unregister() throws Exception {
        for (ObjectName name : registered) {
            server.unregisterMBean(name);
        }
    }

    @Test
    void noChecksMeansNothingWithholdsTheBeat() {
        assertEquals(HealthChecks.Reading.NONE, HealthChecks.read());
    }

    @Test
    void passingChecksWithholdNothing() throws Exception {
        register("db", new Check(true, null));
        HealthChecks.Reading reading = HealthChecks.read();
        assertEquals(List.of(new HealthCheckState("db", "healthy", null)), reading.checks());
        assertNull(reading.failing());
    }

    @Test
    void aFailingCheckWithholdsTheBeatAndSaysWhy() throws Exception {
        register("db", new Check(false, "pool exhausted"));
        register("cache", new Check(true, "fine"));
        HealthChecks.Reading reading = HealthChecks.read();
        assertEquals(List.of(new HealthCheckState("cache", "healthy", null),
                new HealthCheckState("db", "failing", "pool exhausted")), reading.checks());
        assertEquals("health check 'db' (pool exhausted) failing", reading.failing());
    }

    @Test
    void aCheckWhoseGetterThrowsIsFailing() throws Exception {
        register("broken", new CheckMXBean() {
            public boolean isHealthy() {
                throw new IllegalStateException("no connection");
            }

            public String getReason() {
                return null;
            }
        });
        HealthChecks.Reading reading = HealthChecks.read();
        assertEquals("failing", reading.checks().get(0).state());
        assertEquals("Healthy threw IllegalStateException: no connection", reading.checks().get(0).detail());
        assertEquals("health check 'broken' (Healthy threw IllegalStateException: no connection) failing", reading.failing());
    }

    @Test
    void aBeanWithoutHealthyIsIgnoredNotFailing() throws Exception {
        register("typo", (NotACheckMXBean) () -> 3);
        HealthChecks.Reading reading = HealthChecks.read();
        assertEquals(List.of(new HealthCheckState("typo", "ignored", "it has no Healthy attribute")), reading.checks());
        assertNull(reading.failing());
    }

    @Test
    void namesSeveralFailingChecksInOneSentence() throws Exception {
        register("a", new Check(false, null));
        register("b", new Check(false, "slow"));
        assertEquals("health checks 'a', 'b' (slow) failing", HealthChecks.read().failing());
    }
}
