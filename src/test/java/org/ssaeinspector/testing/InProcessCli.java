package org.ssaeinspector.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.ssaeinspector.cli.SsaeCommandLine;

/** The command line run in the test's JVM, its output captured. */
public final class InProcessCli {
    private InProcessCli() {
    }

    public record Run(int exitCode, String out, String err) {
    }

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SsaeCommandLine.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }
}
