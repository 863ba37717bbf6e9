package org.ssaeinspector.cli;

import org.ssaeinspector.util.UserFacingException;
import picocli.CommandLine;

/** Turns any exception into one line on stderr; the stack trace only with SSAE_DEBUG=1. */
final class CleanErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parseResult) {
        String message = ex instanceof UserFacingException ? ex.getMessage() : describe(ex);
        cli.getErr().println("error: " + message);
        if ("1".equals(System.getenv("SSAE_DEBUG"))) {
            ex.printStackTrace(cli.getErr());
        }
        return ex instanceof UserFacingException ? SsaeCommandLine.EXIT_USAGE : SsaeCommandLine.EXIT_FAILURE;
    }

    private static String describe(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage();
        return (msg == null || msg.isBlank()) ? root.getClass().getSimpleName() : msg;
    }
}
