package org.ssaeinspector.cli;

import java.io.PrintWriter;
import org.ssaeinspector.serve.InspectionServer;

/** The service's notes on the command's output, its warnings on stderr as {@code warning: ...}. */
record ConsoleServiceLog(PrintWriter out, PrintWriter err) implements InspectionServer.Log {
    @Override
    public void info(String message) {
        out.println(message);
    }

    @Override
    public void warning(String message) {
        err.println("warning: " + message);
    }
}
