package dev.diag.spy;

/**
 * The one class a traced method calls, loaded by the bootstrap class loader so that every class,
 * whatever its loader, can see it (the agent's own classes live in the application class loader).
 * Each method is static, never throws and never blocks: with no hook installed, or a null call
 * token, it returns at once, so a call beyond a trace's limit costs the hook's counter check in
 * {@link #enter} and a null test per argument. Primitives are boxed only for recorded calls.
 *
 * The injected code, for {@code int price(String item, int qty)}:
 * <pre>
 * Object call = TraceSpy.enter(17);
 * TraceSpy.argument(call, 0, item);  TraceSpy.argument(call, 1, qty);
 * ... body; before each return: TraceSpy.returned(value, call); on any throwable: TraceSpy.threw(t, call)
 * </pre>
 */
public final class TraceSpy {
    /** The value a void method returns, for the hook. */
    public static final Object VOID = new Object();

    private static volatile TraceHook hook;

    private TraceSpy() {
    }

    /** Routes calls to {@code next}; null stops all recording (the hooks stay until classes are restored). */
    public static void install(TraceHook next) {
        hook = next;
    }

    public static TraceHook installed() {
        return hook;
    }

    public static Object enter(int probe) {
        TraceHook h = hook;
        if (h == null) {
            return null;
        }
        try {
            return h.enter(probe);
        } catch (Throwable t) {
            return null;
        }
    }

    public static void argument(Object call, int index, Object value) {
        if (call != null) {
            pass(call, index, value);
        }
    }

    public static void argument(Object call, int index, int value) {
        if (call != null) {
            pass(call, index, value);
        }
    }

    public static void argument(Object call, int index, long value) {
        if (call != null) {
            pass(call, index, value);
        }
    }

    public static void argument(Object call, int index, float value) {
        if (call != null) {
            pass(call, index, value);
        }
    }

    public static void argument(Object call, int index, double value) {
        if (call != null) {
            pass(call, index, value);
        }
    }

    public static void argument(Object call, int index, boolean value) {
        if (call != null) {
            pass(call, index, value);
        }
    }

    public static void argument(Object call, int index, char value) {
        if (call != null) {
            pass(call, index, value);
        }
    }

    public static void argument(Object call, int index, byte value) {
        if (call != null) {
            pass(call, index, value);
        }
    }

    public static void argument(Object call, int index, short value) {
        if (call != null) {
            pass(call, index, value);
        }
    }

    private static void pass(Object call, int index, Object value) {
        TraceHook h = hook;
        if (h != null) {
            try {
                h.argument(call, index, value);
            } catch (Throwable t) {
                // never into the app
            }
        }
    }

    public static void returned(Object call) {
        if (call != null) {
            end(call, VOID);
        }
    }

    public static void returned(Object value, Object call) {
        if (call != null) {
            end(call, value);
        }
    }

    public static void returned(int value, Object call) {
        if (call != null) {
            end(call, value);
        }
    }

    public static void returned(long value, Object call) {
        if (call != null) {
            end(call, value);
        }
    }

    public static void returned(float value, Object call) {
        if (call != null) {
            end(call, value);
        }
    }

    public static void returned(double value, Object call) {
        if (call != null) {
            end(call, value);
        }
    }

    public static void returned(boolean value, Object call) {
        if (call != null) {
            end(call, value);
        }
    }

    public static void returned(char value, Object call) {
        if (call != null) {
            end(call, value);
        }
    }

    public static void returned(byte value, Object call) {
        if (call != null) {
            end(call, value);
        }
    }

    public static void returned(short value, Object call) {
        if (call != null) {
            end(call, value);
        }
    }

    private static void end(Object call, Object value) {
        TraceHook h = hook;
        if (h != null) {
            try {
                h.returned(call, value);
            } catch (Throwable t) {
                // never into the app
            }
        }
    }

    public static void threw(Throwable thrown, Object call) {
        if (call != null) {
            TraceHook h = hook;
            if (h != null) {
                try {
                    h.threw(call, thrown);
                } catch (Throwable t) {
                    // never into the app: the app's own throwable goes on
                }
            }
        }
    }
}
