package org.ssaeinspector.cli;

import java.util.function.Supplier;

/**
 * Says on stderr how far a long run got when the JVM is stopped (Ctrl+C, SIGTERM) before the run
 * ends: its results so far are on disk, and the user should know where.
 */
final class InterruptNotice implements AutoCloseable {
    private final Thread hook;

    InterruptNotice(Supplier<String> message) {
        hook = new Thread(() -> System.err.println(System.lineSeparator() + "warning: " + message.get()), "interrupt-notice");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the notice is being printed.
        }
    }
}
