package dev.diag.protocol.function;

/**
 * What {@code help(Fn)} tells about a function: its arguments as written ({@code [Kind]}), one
 * paragraph of what it answers, an example line to type.
 */
public record Usage(String arguments, String summary, String example) {
}
