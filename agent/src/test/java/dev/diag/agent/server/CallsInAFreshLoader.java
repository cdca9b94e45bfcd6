package dev.diag.agent.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.Message;

/**
 * Calls that exercise every way a result leaves the agent, run by {@link AnswersWithoutDataBindingTest}
 * in a class loader of their own: a reply (memory), a reply holding a tree (process_info's item), a
 * stream of rows written straight (i(), backtraces()),
 * a numeric argument (shown in the busy-node slot), an audited call (its arguments in the audit
 * log), and a bad argument (echoed in the error).
 */
public final class CallsInAFreshLoader implements Runnable {
    private static final String[] CALLS = {
        "{\"id\":1,\"fn\":\"memory\",\"args\":[\"heap\"]}",
        "{\"id\":2,\"fn\":\"memory\",\"args\":[]}",
        "{\"id\":3,\"fn\":\"process_info\",\"args\":[" + Thread.currentThread().getId() + ",\"current_stacktrace\"]}",
        "{\"id\":4,\"fn\":\"i\",\"args\":[]}",
        "{\"id\":5,\"fn\":\"backtraces\",\"args\":[]}",
        "{\"id\":6,\"fn\":\"jcmd\",\"args\":[\"VM.version\"]}",
        "{\"id\":7,\"fn\":\"process_info\",\"args\":[[1.5,{\"a\":null}]]}",
        "{\"id\":8,\"fn\":\"system_info\",\"args\":[\"version\"]}",
    };

    @Override
    public void run() {
        // as DiagServer does first: else Netty finds the test's Log4j 2, whose YAML support builds a mapper
        NettyLogging.silence();
        try (EmbeddedAgent agent = new EmbeddedAgent()) {
            EmbeddedConnection connection = agent.connect();
            connection.handshake();
            for (String call : CALLS) {
                connection.sendSealed(call);
                answer(connection, call);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the call's messages up to its answer; every call but the bad argument succeeds. */
    private static void answer(EmbeddedConnection connection, String call) throws Exception {
        while (true) {
            Message message = connection.nextMessage();
            boolean ok;
            JsonNode result;
            if (message instanceof Message.Reply reply) {
                ok = reply.ok();
                result = reply.result();
            } else if (message instanceof Message.End end) {
                ok = end.ok();
                result = end.result();
            } else {
                continue; // a chunk of rows
            }
            boolean badArgument = call.contains("1.5");
            if (ok == badArgument || (ok && result == null)) {
                throw new AssertionError("unexpected answer to " + call);
            }
            return;
        }
    }
}
