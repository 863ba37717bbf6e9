package org.ssaeinspector.app;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import org.ssaeinspector.util.UserFacingException;

/** Starts the desktop app (called by {@code Main} when no sub-command is given). */
public final class DesktopLauncher {
    private DesktopLauncher() {
    }

    /**
     * Opens the main window and blocks until it closes.
     *
     * @param openPath a project, model, folder or image to open; null for the bundled sample images
     */
    public static void launch(Path openPath) {
        if (openPath != null && !Files.exists(openPath)) {
            throw new UserFacingException(openPath + ": not found");
        }
        InspectorApp.setOpenAtStart(openPath == null ? null : openPath.toAbsolutePath());
        Application.launch(InspectorApp.class);
    }
}
