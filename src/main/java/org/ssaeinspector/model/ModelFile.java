package org.ssaeinspector.model;

import java.nio.file.Path;

/**
 * The {@code .ssae} file: one zip with {@code header.json}, the network parameters and the
 * calibration statistics. Saves are atomic; loads check format and version and fail with a
 * {@link org.ssaeinspector.util.UserFacingException} naming the file and the problem.
 */
public final class ModelFile {
    public static final int FORMAT_VERSION = 1;
    public static final String EXTENSION = ".ssae";

    private ModelFile() {
    }

    public static void save(SsaeModel model, Path file) {
        throw new UnsupportedOperationException("in progress");
    }

    public static SsaeModel load(Path file) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Reads only the header (fast; for file choosers and recent-model lists). */
    public static ModelHeader readHeader(Path file) {
        throw new UnsupportedOperationException("in progress");
    }
}
