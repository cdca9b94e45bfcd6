package dev.diag.agent.functions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.agent.heart.Heart;
import dev.diag.agent.heart.HeartException;
import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.message.JsonTree;
import java.util.Locale;

/**
 * {@code heart:set_cmd("exec java ... -jar orders.jar")}: the command heart runs, through sh, to
 * restart this node from now on, until clear_cmd or the node's next start. Sent to heart over its
 * pipe before the call returns, so a kill right after the reply restarts with it. Any text up to
 * 1 MiB of UTF-8 without NUL; "" means none (heart would only kill).
 */
final class HeartSetCmd extends FunctionBase {
    private final Heart heart;

    HeartSetCmd(Heart heart) {
        super(Declaration.SET_CMD);
        this.heart = heart;
    }

    @Override
    public Object call(Args args, CallContext context) throws FunctionException {
        JsonNode command = args.values().get(0);
        if (!command.isTextual()) {
            String got = command.isContainerNode() ? command.getNodeType().name().toLowerCase(Locale.ROOT)
                    : JsonTree.text(command);
            throw FunctionException.badArgument("the command must be a string, e.g. "
                    + "heart:set_cmd(\"exec java -jar app.jar\"), got " + got);
        }
        try {
            return heart.setCommand(command.textValue());
        } catch (HeartException e) {
            throw failure(e);
        }
    }

    static FunctionException failure(HeartException e) {
        return e.badArgument() ? FunctionException.badArgument(e.getMessage()) : FunctionException.failed(e.getMessage());
    }
}
