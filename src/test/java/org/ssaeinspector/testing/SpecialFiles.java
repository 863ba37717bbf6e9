package org.ssaeinspector.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/** FIFOs in a temp folder: the stand-in for devices in output tests (never the real /dev). */
public final class SpecialFiles {
    private SpecialFiles() {
    }

    /** Makes a FIFO; false where mkfifo is not available (the test is then skipped). */
    public static boolean mkfifo(Path path) throws InterruptedException {
        try {
            return new ProcessBuilder("mkfifo", path.toString()).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Everything written into the FIFO until the writer closes it, read on another thread. */
    public static CompletableFuture<String> readAll(Path fifo) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
