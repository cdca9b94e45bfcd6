package dev.diag.protocol.result;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code process_info(Pid, Item)}: one item, as Erlang's {@code {Item, Value}}. The value's shape
 * depends on the item: a string, a number, a list of {@link StackFrame} (current_stacktrace), a
 * {@link Backtrace} or {@link Links}; docs/functions/process_info.md lists them.
 */
public record ProcessInfoItem(long pid, String item, JsonNode value) {
}
