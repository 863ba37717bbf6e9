package org.ssaeinspector.imageio;

import java.nio.file.Path;

/** An image that could not be read; the message names the file and the problem. */
public class ImageLoadException extends Exception {
    private final Path path;

    public ImageLoadException(Path path, String problem) {
        super(path + ": " + problem);
        this.path = path;
    }

    public ImageLoadException(Path path, String problem, Throwable cause) {
        super(path + ": " + problem, cause);
        this.path = path;
    }

    /**
     * An image that does not fit the Java heap (an {@link OutOfMemoryError} while working on it):
     * that image's problem, not the run's.
     */
    public static ImageLoadException outOfMemory(Path path, String work, int width, int height, OutOfMemoryError cause) {
        return new ImageLoadException(path, "too large to " + work + " in the available memory: " + width + " x " + height,
                cause);
    }

    public Path path() {
        return path;
    }

    /** The problem without the file name (for lists that already show the file). */
    public String problem() {
        String m = getMessage();
        String prefix = path + ": ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }
}
