package org.ssaeinspector.app;

import java.nio.file.Path;

/** Starts the desktop app (replaced by the real JavaFX shell). */
public final class DesktopLauncher {
    private DesktopLauncher() {
    }

    public static void launch(Path openPath) {
        throw new org.ssaeinspector.util.UserFacingException("The desktop app is not built yet; use a sub-command (see --help).");
    }
}
