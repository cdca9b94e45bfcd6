package dev.diag.agent.functions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.JsonTree;

/**
 * Pid arguments in the forms the shell sends: {@code {"pid": 61}} for {@code <61>},
 * {@code <0.61.0>} and {@code pid(0,61,0)}, a bare integer 61, or three integers (0, 61, 0) as
 * {@code i(0,61,0)} passes them. The thread id is the middle number, as in Erlang's pids.
 */
final class Pids {
    private Pids() {
    }

    /** The pid at argument {@code i}. */
    static long at(Args args, int i) throws FunctionException {
        JsonNode value = args.values().get(i);
        if (value.isObject() && value.path("pid").canConvertToLong() && value.path("pid").isIntegralNumber()) {
            return value.get("pid").longValue();
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        throw FunctionException.badArgument("argument " + (i + 1) + " must be a pid such as <61> or pid(0,61,0), got "
                + JsonTree.text(value));
    }

    /** The pid of {@code f(0, N, 0)}: three integers, the middle one the thread id. */
    static long ofTriple(Args args) throws FunctionException {
        for (int i = 0; i < 3; i++) {
            if (!args.values().get(i).isIntegralNumber()) {
                throw FunctionException.badArgument("a pid written as three numbers needs integers, e.g. i(0,61,0)");
            }
        }
        return args.values().get(1).longValue();
    }

    static FunctionException noSuchProcess(long pid) {
        return FunctionException.badArgument("no process <" + pid + ">: no live thread has id " + pid
                + " (it may have ended); i() lists the live ones");
    }
}
