package dev.diag.agent.functions;

import dev.diag.agent.probe.ClassHistogramText;
import dev.diag.agent.probe.DiagnosticCommands;
import dev.diag.protocol.function.Declaration;

/**
 * {@code heap_histogram()} and {@code heap_histogram(N)}: the top N classes (default
 * {@value #DEFAULT_TOP}) by bytes of live instances, with the totals over every class, from
 * GC.class_histogram run through the DiagnosticCommand MBean. Counting only live objects is what
 * makes the figures trustworthy, and it costs a full GC and a heap walk in one pause.
 */
final class HeapHistogramFunction extends FunctionBase {
    static final int DEFAULT_TOP = 20;
    static final int MAX_TOP = 10_000;

    HeapHistogramFunction() {
        super(Declaration.HEAP_HISTOGRAM);
    }

    @Override
    public Object call(Args args, CallContext context) throws FunctionException {
        int top = args.count() == 0 ? DEFAULT_TOP : args.integer(0, 0, MAX_TOP, "heap_histogram(N) takes how many "
                + "classes to show, a whole number from 0 to " + MAX_TOP + " (0 shows only the totals)");
        long start = System.nanoTime();
        String text;
        try {
            text = DiagnosticCommands.run("gcClassHistogram");
        } catch (UnsupportedOperationException e) {
            throw FunctionException.failed(e.getMessage());
        }
        try {
            return ClassHistogramText.parse(text, top, (System.nanoTime() - start) / 1_000_000);
        } catch (IllegalArgumentException e) {
            throw FunctionException.failed("could not read the class histogram this JVM printed: " + e.getMessage()
                    + "; jcmd PID GC.class_histogram shows it as text");
        }
    }
}
