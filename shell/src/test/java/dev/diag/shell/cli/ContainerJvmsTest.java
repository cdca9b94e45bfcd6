package dev.diag.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The main class of a containerised JVM, from its command line, as jps would show it. */
class ContainerJvmsTest {
    @Test
    void skipsOptionsAndTheValuesOfThoseThatTakeOne() {
        assertEquals("com.example.Orders", ContainerJvms.main(new String[] {"/usr/bin/java", "-Xmx1g", "-cp",
                "/app/lib/*", "--add-opens", "java.base/java.lang=ALL-UNNAMED", "com.example.Orders", "--port", "8080"}));
    }

    @Test
    void namesTheJarOrModuleThatIsRun() {
        assertEquals("/app/orders.jar", ContainerJvms.main(new String[] {"java", "-Dx=y", "-jar", "/app/orders.jar"}));
        assertEquals("orders/com.example.Main", ContainerJvms.main(new String[] {"java", "-m", "orders/com.example.Main"}));
    }

    @Test
    void saysItCannotTellWhenThereIsNoMainClass() {
        assertEquals("?", ContainerJvms.main(new String[] {"java", "-version"}));
        assertEquals("?", ContainerJvms.main(new String[] {"java", "-jar"}));
    }
}
