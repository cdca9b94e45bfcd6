package dev.diag.shell.testing;

import dev.diag.protocol.cookie.Cookie;
import dev.diag.protocol.cookie.CookieFile;
import dev.diag.protocol.cookie.DiagHome;
import dev.diag.protocol.message.Message;
import dev.diag.protocol.result.FunctionList;
import dev.diag.protocol.result.MemoryAmount;
import dev.diag.protocol.result.PidList;
import dev.diag.protocol.result.Uptime;
import dev.diag.protocol.result.VersionInfo;
import dev.diag.shell.client.Connector;
import dev.diag.shell.jobs.JobTable;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Loopback stand-ins for healthy nodes, for the console's tests, made fresh for each test and
 * gone after it ({@code @RegisterExtension final FakeNodes nodes = new FakeNodes();}): a cookie in
 * a DIAG_HOME of their own, a {@link Connector} that uses it, job tables on it, and
 * {@link FakeNode}s answering the calls the console makes on its own (the banner's system_info,
 * functions(), processes() for completion) and {@code memory(heap)}.
 */
public final class FakeNodes implements BeforeEachCallback, AfterEachCallback {
    /** What a healthy fake node says its heap holds. */
    public static final long HEAP_BYTES = 1024;

    private final List<AutoCloseable> opened = new ArrayList<>();
    private Path home;
    private Cookie cookie;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        home = Files.createTempDirectory("diag-fake-nodes");
        cookie = CookieFile.loadOrCreate(home.resolve("cookie"));
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) { // job tables before the nodes they are connected to
            opened.get(i).close();
        }
        opened.clear();
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    /** The DIAG_HOME of these nodes and of the connector's shell. */
    public Path home() {
        return home;
    }

    public Connector connector() {
        return new Connector(new DiagHome(home), home.resolve("cookie").toString(), 5_000, 0);
    }

    /** A job table on these nodes writing to {@code terminal}, closed after the test. */
    public JobTable jobs(OutputStream terminal) {
        JobTable jobs = new JobTable(connector(), terminal);
        opened.add(jobs);
        return jobs;
    }

    /** A healthy node; returns the name the shell reaches it by, {@code name@127.0.0.1:port}. */
    public String start(String name) throws IOException {
        return start(name, Set.of()).address();
    }

    /** A healthy node that holds every call to the functions in {@code held}, until the shell cancels it. */
    public FakeNode start(String name, Set<String> held) throws IOException {
        FakeNode node = new FakeNode(cookie, name, request -> held.contains(request.fn()) ? null : healthy(request));
        opened.add(node);
        return node;
    }

    private static Message.Reply healthy(Message.Request request) {
        String item = request.args().isEmpty() ? "" : request.args().get(0).asText();
        Object result = switch (request.fn() + "/" + item) {
            case "system_info/version" -> new VersionInfo("17.0.99", "Test", 17, "Test VM", "Test", "1", "test");
            case "system_info/uptime" -> new Uptime("uptime", 3_600_000, 0);
            case "functions/" -> new FunctionList(List.of()); // no cost said: nothing asks before a call
            case "processes/" -> new PidList(List.of(1L, 61L));
            case "memory/heap" -> new MemoryAmount("heap", HEAP_BYTES);
            default -> null;
        };
        return result == null ? FakeNode.unknown(request) : Message.Reply.success(request.id(), result);
    }
}
