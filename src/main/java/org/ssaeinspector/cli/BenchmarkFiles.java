package org.ssaeinspector.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.ssaeinspector.util.IoMessages;

/** The temporary folders of the benchmark commands. */
final class BenchmarkFiles {
    private BenchmarkFiles() {
    }

    /** Removes a folder and everything in it; what cannot be removed stays, with a warning. */
    static void deleteTree(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // Left behind in the temporary folder.
                }
            });
        } catch (IOException e) {
            System.err.println("warning: " + root + ": not removed (" + IoMessages.reason(e) + ")");
        }
    }
}
