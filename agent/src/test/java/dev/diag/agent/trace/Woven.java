package dev.diag.agent.trace;

/** Methods of the shapes a hook must survive: wide parameters, loops (frames), own handlers, statics, voids. */
public class Woven {
    private int calls;

    public int add(int a, int b) {
        calls++;
        return a + b;
    }

    public static long wide(long a, double b, String c) {
        long sum = a;
        for (int i = 0; i < c.length(); i++) {
            sum += (long) b;
        }
        return sum;
    }

    public String caught(String s) {
        try {
            if (s.isEmpty()) {
                throw new IllegalStateException("empty");
            }
            return s.toUpperCase();
        } catch (IllegalStateException e) {
            return "caught " + e.getMessage();
        }
    }

    public void fails(int code) {
        if (code > 0) {
            throw new IllegalArgumentException("code " + code);
        }
        calls--;
    }

    public boolean flag(boolean b, char c, byte y, short h, float f) {
        return b && c == 'x' && y == 1 && h == 2 && f > 0;
    }

    public int calls() {
        return calls;
    }
}
