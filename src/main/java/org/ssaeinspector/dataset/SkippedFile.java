package org.ssaeinspector.dataset;

import java.nio.file.Path;

/** A file that was left out of a run, and why (shown to the user, never silently dropped). */
public record SkippedFile(Path path, String reason) {
    @Override
    public String toString() {
        return path + ": " + reason;
    }
}
