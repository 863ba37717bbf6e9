package org.ssaeinspector;

import org.ssaeinspector.cli.SsaeCommandLine;
import org.ssaeinspector.model.DjlRuntime;

/**
 * Entry point of the jar and the installers: with a sub-command it runs the command line,
 * otherwise it starts the desktop app. Deliberately not a JavaFX {@code Application}, so the
 * jar starts with JavaFX on the class path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Before anything touches DJL: offline, natives unpacked under ~/.ssae-inspector/djl, threads.
        DjlRuntime.configure();
        System.exit(SsaeCommandLine.run(args));
    }
}
