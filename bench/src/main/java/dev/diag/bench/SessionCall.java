package dev.diag.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.diag.protocol.cookie.CookieFile;
import dev.diag.shell.cli.DiagException;
import dev.diag.shell.client.CallOutcome;
import dev.diag.shell.client.DiagClient;
import dev.diag.shell.client.Evaluator;
import dev.diag.shell.functions.FunctionTable;
import dev.diag.shell.render.ResultPrinter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Small calls inside one open session, timed call by call: diag through the shell's own client
 * ({@link DiagClient}: the frames, HMACs and JSON a console line goes through), or a whole
 * console line (parsed, called, rendered as text into a discarded stream), and Arthas through its telnet port (a command line out, its text back
 * up to the next prompt). One session per endpoint, opened once; the endpoints take turns round
 * by round (the first of each round moves on), so a busy moment of the machine falls on all of
 * them alike. Prints one line per endpoint: the median, p90 and p99 of every timed call in
 * microseconds.
 *
 * <pre>
 * java -cp CLASSPATH dev.diag.bench.SessionCall ROUNDS CALLS WARMUP ENDPOINT...
 *   ENDPOINT  diag,LABEL,PORT,COOKIE_FILE,FN[,ATOM]   e.g. diag,new,41234,/tmp/h/cookie,memory,heap
 *             console,LABEL,PORT,COOKIE_FILE,LINE      e.g. console,line,41234,/tmp/h/cookie,memory(heap).
 *             arthas,LABEL,PORT,COMMAND                e.g. arthas,arthas,3658,memory
 * </pre>
 */
public final class SessionCall {
    private SessionCall() {
    }

    /** One open session that answers one small call at a time. */
    private interface Endpoint extends AutoCloseable {
        String label();

        void call() throws IOException;

        @Override
        void close() throws IOException;
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        int calls = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]);
        List<Endpoint> endpoints = new ArrayList<>();
        try {
            for (int i = 3; i < args.length; i++) {
                endpoints.add(open(args[i].split(",", -1)));
            }
            for (Endpoint endpoint : endpoints) {
                for (int i = 0; i < warmup; i++) {
                    endpoint.call();
                }
            }
            long[][] times = new long[endpoints.size()][rounds * calls];
            for (int round = 0; round < rounds; round++) {
                for (int turn = 0; turn < endpoints.size(); turn++) {
                    int e = (round + turn) % endpoints.size();
                    for (int i = 0; i < calls; i++) {
                        long start = System.nanoTime();
                        endpoints.get(e).call();
                        times[e][round * calls + i] = System.nanoTime() - start;
                    }
                }
            }
            for (int e = 0; e < endpoints.size(); e++) {
                long[] sorted = times[e].clone();
                Arrays.sort(sorted);
                System.out.printf("%s %d %d %d %d%n", endpoints.get(e).label(), median(sorted) / 1000,
                        rank(sorted, 0.90) / 1000, rank(sorted, 0.99) / 1000, sorted.length);
            }
        } finally {
            for (Endpoint endpoint : endpoints) {
                endpoint.close();
            }
        }
    }

    private static Endpoint open(String[] spec) throws IOException {
        int port = Integer.parseInt(spec[2]);
        return switch (spec[0]) {
            case "diag" -> new DiagEndpoint(spec[1], connect(port, spec[3]), spec[4],
                    spec.length > 5 ? List.of(TextNode.valueOf(spec[5])) : List.of());
            case "console" -> new ConsoleEndpoint(spec[1], connect(port, spec[3]), spec[4]);
            case "arthas" -> ArthasEndpoint.open(spec[1], port, spec[3]);
            default -> throw new IllegalArgumentException("unknown endpoint kind " + spec[0]);
        };
    }

    private static DiagClient connect(int port, String cookieFile) throws IOException {
        return DiagClient.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                CookieFile.load(Path.of(cookieFile)), 10_000);
    }

    private static long median(long[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The p-quantile by nearest rank, as bench/lib.sh's nearest_rank. */
    private static long rank(long[] sorted, double p) {
        int r = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, r - 1)];
    }

    private record DiagEndpoint(String label, DiagClient client, String fn, List<JsonNode> args) implements Endpoint {
        @Override
        public void call() throws IOException {
            CallOutcome outcome = client.call(fn, args, 10_000);
            if (!outcome.ok()) {
                throw new IOException(label + ": " + fn + " failed: " + outcome.error());
            }
        }

        @Override
        public void close() throws IOException {
            client.close();
        }
    }

    /** A console line as a script runs it (ScriptRunner): parsed, called, its answer rendered as text. */
    private static final class ConsoleEndpoint implements Endpoint {
        private final String label;
        private final DiagClient client;
        private final String line;
        private final Evaluator evaluator;
        private final ResultPrinter printer;

        ConsoleEndpoint(String label, DiagClient client, String line) {
            this.label = label;
            this.client = client;
            this.line = line;
            this.evaluator = new Evaluator(FunctionTable.standard(), client, 10_000);
            PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
            this.printer = new ResultPrinter(discard, discard, false, 100);
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public void call() throws IOException {
            try {
                if (!printer.print("bench", evaluator.evaluate(line, (call, spec) -> printer.rows("bench", call, spec), null))) {
                    throw new IOException(label + ": " + line + " failed");
                }
            } catch (DiagException e) {
                throw new IOException(label + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() throws IOException {
            client.close();
        }
    }

    /**
     * Arthas's telnet console: a command line in, its output back up to the next prompt
     * ({@code [arthas@PID]$ }). The console echoes the line first; the prompt ends every answer.
     */
    private static final class ArthasEndpoint implements Endpoint {
        private static final byte[] PROMPT_END = "]$ ".getBytes(StandardCharsets.US_ASCII);
        private final String label;
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final byte[] line;
        private final byte[] buffer = new byte[1 << 16];

        private ArthasEndpoint(String label, Socket socket, String command) throws IOException {
            this.label = label;
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
            this.line = (command + "\n").getBytes(StandardCharsets.US_ASCII);
        }

        static ArthasEndpoint open(String label, int port, String command) throws IOException {
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
            ArthasEndpoint endpoint = new ArthasEndpoint(label, socket, command);
            endpoint.untilPrompt(); // the banner
            return endpoint;
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public void call() throws IOException {
            out.write(line);
            out.flush();
            untilPrompt();
        }

        private void untilPrompt() throws IOException {
            int held = 0; // the last bytes read, kept across reads so a prompt split in two is found
            while (true) {
                int n = in.read(buffer, held, buffer.length - held);
                if (n < 0) {
                    throw new IOException(label + ": Arthas closed the connection");
                }
                held += n;
                if (endsWith(buffer, held, PROMPT_END)) {
                    return;
                }
                int keep = Math.min(held, PROMPT_END.length - 1);
                System.arraycopy(buffer, held - keep, buffer, 0, keep);
                held = keep;
            }
        }

        private static boolean endsWith(byte[] bytes, int length, byte[] end) {
            if (length < end.length) {
                return false;
            }
            for (int i = 0; i < end.length; i++) {
                if (bytes[length - end.length + i] != end[i]) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
