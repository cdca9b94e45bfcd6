package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.node.NodeRecord;
import dev.diag.protocol.node.NodeRegistry;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** What the TLS tests share: an idle target with agent options, its record, its start-up line, this host's address. */
final class TlsNodes {
    static final String IDLE = "dev.diag.it.fixture.IdleTarget";

    private TlsNodes() {
    }

    static TargetJvm start(DiagHomeDir home, String name, String options) throws Exception {
        return TargetJvm.start(Jdks.current(), home, name, options, Repo.TEST_CLASSES.toString(), IDLE);
    }

    static NodeRecord record(DiagHomeDir home, String name) {
        return new NodeRegistry(home.path().resolve("nodes")).lookup(name).orElseThrow();
    }

    static InetSocketAddress nodeAddress(DiagHomeDir home, String name) {
        NodeRecord record = record(home, name);
        return new InetSocketAddress(record.bind(), record.port());
    }

    static void awaitOutput(TargetJvm target, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!target.output().contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        String output = target.output();
        assertTrue(output.contains(text), output);
    }

    /** The first IPv4 address of an interface that is up and not loopback, as {@code hostname -I} lists them. */
    static Optional<InetAddress> firstAddressOffLoopback() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }
}
