package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every {@code console} transcript in docs/functions/*.md, README.md and docs/*.md against
 * a fixture node named "orders", so the docs cannot drift from what diag prints. Figures and column
 * padding may differ; the shape of every line must not.
 */
class DocTranscriptsIT {

    @TestFactory
    Stream<DynamicTest> transcriptsInTheFunctionReferenceStillHold() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> docs = Files.list(Repo.ROOT.resolve("docs/functions"))) {
            for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                for (Transcript transcript : Transcript.parse(Files.readAllLines(doc))) {
                    tests.add(DynamicTest.dynamicTest(doc.getFileName() + ": " + transcript.command(),
                            () -> replay(transcript)));
                }
            }
        }
        assertFalse(tests.isEmpty(), "no transcripts found in docs/functions");
        return tests.stream();
    }

    /** The same for README.md and the guides in docs/ (their {@code console} blocks; the others are not replayed). */
    @TestFactory
    Stream<DynamicTest> transcriptsInTheReadmeAndGuidesStillHold() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(Repo.ROOT.resolve("README.md")));
        try (Stream<Path> guides = Files.list(Repo.ROOT.resolve("docs"))) {
            guides.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Path doc : docs) {
            for (Transcript transcript : Transcript.parse(Files.readAllLines(doc))) {
                tests.add(DynamicTest.dynamicTest(doc.getFileName() + ": " + transcript.command(),
                        () -> replay(transcript)));
            }
        }
        assertFalse(tests.isEmpty(), "no transcripts found in README.md");
        return tests.stream();
    }

    private static void replay(Transcript transcript) throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(home, "orders")) {
            DiagCli.Run run = DiagCli.run(home, transcript.args().toArray(String[]::new));
            List<String> actual = new ArrayList<>(run.outLines());
            run.err().lines().forEach(actual::add);
            assertEquals(shapes(transcript.output()), shapes(actual), "transcript of " + transcript.command()
                    + " no longer matches; actual output:\n" + String.join("\n", actual));
        }
    }

    private static List<String> shapes(List<String> lines) {
        return lines.stream().map(DocTranscriptsIT::shape).toList();
    }

    /**
     * A line with its figures and padding taken out: what must stay the same. A double-quoted
     * string standing alone (at the start of the line or after a space) is text that differs from
     * JVM to JVM and host to host, e.g. {@code vm version  "17.0.15+6-Debian-1deb12u1"}, so only
     * its quotes must stay; quotes inside JSON ({@code {"node":...}}) follow no space and are kept.
     */
    static String shape(String line) {
        return line.replaceAll("(^|\\s)\"[^\"]*\"", "$1\"…\"")
                .replaceAll("orders@[A-Za-z0-9_.-]+", "orders@HOST")
                .replaceAll("\\d[\\d,]*(\\.\\d+)?( ?(B|KiB|MiB|GiB|TiB|PiB|ms|s)(?![A-Za-z]))?", "#")
                .replaceAll("\\s+", " ")
                .strip();
    }

    /** One {@code console} block: a {@code $ diag ...} line and the output that follows it. */
    record Transcript(String command, List<String> args, List<String> output) {
        static List<Transcript> parse(List<String> lines) {
            List<Transcript> transcripts = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).equals("```console")) {
                    continue;
                }
                String command = lines.get(++i).substring("$ diag ".length());
                List<String> output = new ArrayList<>();
                while (!lines.get(++i).equals("```")) {
                    output.add(lines.get(i));
                }
                transcripts.add(new Transcript(command, words(command), output));
            }
            return transcripts;
        }

        /** Splits a command line as a shell would, honouring single quotes. */
        static List<String> words(String command) {
            List<String> words = new ArrayList<>();
            StringBuilder word = new StringBuilder();
            boolean quoted = false;
            boolean inWord = false;
            for (char c : command.toCharArray()) {
                if (c == '\'') {
                    quoted = !quoted;
                    inWord = true;
                } else if (c == ' ' && !quoted) {
                    if (inWord) {
                        words.add(word.toString());
                        word.setLength(0);
                        inWord = false;
                    }
                } else {
                    word.append(c);
                    inWord = true;
                }
            }
            if (inWord) {
                words.add(word.toString());
            }
            return words;
        }
    }
}
