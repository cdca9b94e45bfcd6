package dev.diag.agent.profiler;

import dev.diag.protocol.result.ProfileStack;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads async-profiler's collapsed output ({@code frame;frame;frame weight}, one stack a line) and
 * keeps the heaviest stacks within a bound, so a profile of a node with a million distinct stacks
 * still answers in one frame: at most {@value #MAX_STACKS} stacks and {@value #MAX_CHARS} characters
 * of frames, a single stack cut to its {@value #MAX_STACK_CHARS} characters nearest the sampled frame.
 * What is left out is counted, never silently dropped.
 */
public final class CollapsedStacks {
    public static final int MAX_STACKS = 5000;
    public static final int MAX_CHARS = 2 * 1024 * 1024;
    static final int MAX_STACK_CHARS = 16 * 1024;
    /** Stands for the root-side frames cut from a very deep stack. */
    static final String CUT = "[deeper frames left out]";

    private CollapsedStacks() {
    }

    /** The heaviest stacks first, and what did not fit. */
    public record Bounded(List<ProfileStack> stacks, long total, int stacksLeftOut, long weightLeftOut) {
    }

    public static Bounded bound(String collapsed) {
        List<ProfileStack> all = new ArrayList<>();
        long total = 0;
        for (String line : collapsed.split("\n")) {
            int space = line.lastIndexOf(' ');
            if (space <= 0) {
                continue; // a blank line, or a message such as "[INFO] No samples were collected"
            }
            long weight;
            try {
                weight = Long.parseLong(line.substring(space + 1).trim());
            } catch (NumberFormatException e) {
                continue;
            }
            all.add(new ProfileStack(line.substring(0, space), weight));
            total += weight;
        }
        all.sort(Comparator.comparingLong(ProfileStack::weight).reversed());
        List<ProfileStack> kept = new ArrayList<>();
        long chars = 0;
        int leftOut = 0;
        long weightLeftOut = 0;
        for (ProfileStack stack : all) {
            ProfileStack cut = cut(stack);
            if (kept.size() < MAX_STACKS && chars + cut.frames().length() <= MAX_CHARS) {
                kept.add(cut);
                chars += cut.frames().length();
            } else {
                leftOut++;
                weightLeftOut += stack.weight();
            }
        }
        return new Bounded(kept, total, leftOut, weightLeftOut);
    }

    /** A stack longer than {@link #MAX_STACK_CHARS} keeps the frames nearest the sampled one, where the time went. */
    private static ProfileStack cut(ProfileStack stack) {
        String frames = stack.frames();
        if (frames.length() <= MAX_STACK_CHARS) {
            return stack;
        }
        int from = frames.indexOf(';', frames.length() - MAX_STACK_CHARS + CUT.length() + 1);
        String leafSide = from < 0 ? frames.substring(frames.length() - MAX_STACK_CHARS + CUT.length() + 1)
                : frames.substring(from + 1);
        return new ProfileStack(CUT + ";" + leafSide, stack.weight());
    }
}
